using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.AppHost.Diagnostics;

/// <summary>
/// Logs when each process (PostgreSQL, RabbitMQ, a service, the gateway) first runs and first becomes healthy, as
/// a UTC time and in seconds since the AppHost process started, so that a slower start shows which
/// resource it came from (scripts/start-times.sh reads these lines).
/// </summary>
public static class StartTimeline
{
    public const string Marker = "Start timeline:";

    /// <summary>Run mode only: a deployment's start is not ours to time.</summary>
    public static IDistributedApplicationBuilder AddStartTimeline(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            // From BeforeStartEvent, not as a hosted service: those start only once Aspire has
            // created every resource, and the times would all be that moment.
            builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
            {
                var lifetime = e.Services.GetRequiredService<IHostApplicationLifetime>();
                // Runs until the AppHost stops; nothing waits for it.
                _ = WatchAsync(
                    e.Services.GetRequiredService<ResourceNotificationService>(),
                    e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartTimeline).FullName!),
                    lifetime.ApplicationStopping);
                return Task.CompletedTask;
            });
        }

        return builder;
    }

    private static async Task WatchAsync(ResourceNotificationService notifications, ILogger logger, CancellationToken stopping)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var seen = new HashSet<(string, string)>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                if (change.Resource is not (ProjectResource or ExecutableResource or ContainerResource)
                    || change.Snapshot.State?.Text != KnownResourceStates.Running)
                {
                    continue;
                }

                // "started": the process exists; a start held back by WaitFor shows as the gap before it.
                Log(change.Resource.Name, change.ResourceId, "started");
                if (change.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    Log(change.Resource.Name, change.ResourceId, "healthy");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        void Log(string resource, string resourceId, string step)
        {
            if (seen.Add((resourceId, step)))
            {
                var now = DateTime.UtcNow;
                logger.LogInformation("{Marker} {Resource} {Step} at {Time:O}, {Seconds:F1} s after the AppHost process started",
                    Marker, resource, step, now, (now - processStart).TotalSeconds);
            }
        }
    }
}
