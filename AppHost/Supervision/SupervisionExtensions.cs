using Microsoft.Extensions.DependencyInjection;

namespace PartyPlatform.AppHost.Supervision;

public static class SupervisionExtensions
{
    /// <summary>Restart crashed processes in run mode (<see cref="SupervisionOptions"/>); a deployment has its own orchestrator.</summary>
    public static IDistributedApplicationBuilder AddSupervision(this IDistributedApplicationBuilder builder)
    {
        var options = SupervisionOptions.Read(builder.Configuration);
        if (!builder.ExecutionContext.IsRunMode || !options.Enabled)
        {
            return builder;
        }

        var intent = new UserIntent();
        builder.Services.AddSingleton(options).AddSingleton(intent).AddHostedService<ResourceSupervisor>();
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, _) =>
        {
            intent.Track(e.Resource);
            return Task.CompletedTask;
        });
        return builder;
    }
}
