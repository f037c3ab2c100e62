using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ as the services see them: a database per service on the server
/// <c>postgres</c> (<see cref="Database"/>), and <c>messaging</c> (an amqp:// URI). The names are the
/// same in both modes.
/// </summary>
public sealed class PlatformInfrastructure
{
    public required InfrastructureMode Mode { get; init; }

    /// <summary>Adds a database on the platform's PostgreSQL; its connection string has the database's name.</summary>
    public required Func<string, IResourceBuilder<IResourceWithConnectionString>> Database { get; init; }

    public required IResourceBuilder<IResourceWithConnectionString> Messaging { get; init; }

    /// <summary>The folder of the platform's run-time data on this machine (executable mode); null where
    /// containers keep it in volumes.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>What a service using <c>database</c> must wait for: in executable mode the server
    /// process (its connection strings resolve before the server answers), in container mode the
    /// database resource, whose own health check covers that. Not the broker: RabbitMQ takes 7-10 s
    /// to boot, MassTransit connects once it answers (as after any outage of the broker), and
    /// meanwhile the outbox keeps what is written; a service's /health stays unhealthy until then.</summary>
    public required Func<IResourceBuilder<IResourceWithConnectionString>, IEnumerable<IResourceBuilder<IResource>>> ReadinessFor { get; init; }
}

public static class PlatformInfrastructureExtensions
{
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var options = InfrastructureOptions.Read(builder.Configuration);
        var (mode, reason) = ChooseMode(builder, options);
        LogAtStart(builder, $"Infrastructure mode: {mode} ({reason}).");

        var credentials = InfrastructureCredentials.Add(builder, persist: !options.Ephemeral);
        return mode == InfrastructureMode.Containers
            ? ContainerInfrastructure.Add(builder, options, credentials)
            : ExecutableInfrastructure.Add(builder, options, credentials, RepositoryLayout.Find(builder.AppHostDirectory));
    }

    /// <summary>A service's connection strings (a database of its own and the broker), and it starts
    /// only once they answer.</summary>
    public static IResourceBuilder<ProjectResource> WithPlatformInfrastructure(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure, string databaseName)
    {
        var database = infrastructure.Database(databaseName);
        service.WithReference(database).WithReference(infrastructure.Messaging);
        foreach (var dependency in infrastructure.ReadinessFor(database))
        {
            service.WaitFor(dependency);
        }

        // Readiness of the service itself (its /health includes the database check).
        return service.WithHttpEndpointIfMissing().WithRunModePort("http").WithHttpHealthCheck("/health");
    }

    /// <summary>The service checks callers' tokens: it knows the issuer and finds Identity's keys through discovery.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> identity, ReferenceExpression issuer) =>
        service.WithReference(identity).WithTokenChecks(issuer);

    /// <summary>The issuer every token must name, and the clock skew allowed (<c>Identity:ClockSkew</c>, when configured).</summary>
    public static IResourceBuilder<ProjectResource> WithTokenChecks(this IResourceBuilder<ProjectResource> service, ReferenceExpression issuer)
    {
        service.WithEnvironment("Identity__Issuer", issuer);
        if (service.ApplicationBuilder.Configuration["Identity:ClockSkew"] is { Length: > 0 } skew)
        {
            service.WithEnvironment("Identity__ClockSkew", skew);
        }

        return service;
    }

    /// <summary>An "http" endpoint, unless the project's launch profile brought one (service discovery
    /// and health checks need it); its port is set by <see cref="RunModePorts"/>.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpointIfMissing(this IResourceBuilder<ProjectResource> project) =>
        project.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http") ? project : project.WithHttpEndpoint(name: "http");

    private static (InfrastructureMode Mode, string Reason) ChooseMode(IDistributedApplicationBuilder builder, InfrastructureOptions options)
    {
        if (options.Mode != InfrastructureMode.Auto)
        {
            return (options.Mode, $"{InfrastructureOptions.Section}:Mode");
        }

        if (builder.ExecutionContext.IsPublishMode)
        {
            // A deployment describes containers; local processes mean nothing there.
            return (InfrastructureMode.Containers, "publish mode");
        }

        var preferred = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? builder.Configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"];
        return ContainerRuntimeProbe.FindHealthyRuntime(preferred) is { } runtime
            ? (InfrastructureMode.Containers, $"'{runtime} info' answered")
            : (InfrastructureMode.Executables, "no Docker or Podman engine answered");
    }

    /// <summary>The builder has no logger yet: log once the app starts.</summary>
    internal static void LogAtStart(IDistributedApplicationBuilder builder, string message)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PartyPlatform.Infrastructure").LogInformation("{Message}", message);
            return Task.CompletedTask;
        });
    }
}

/// <summary>
/// User names and passwords of PostgreSQL and RabbitMQ, as Aspire parameters (configuration
/// <c>Parameters:postgres-password</c> etc.). Generated passwords are saved in the AppHost's user
/// secrets so that they stay stable across runs, because the data persists. (The server scripts
/// also re-apply the configured password at every start, so a changed one never locks us out.)
/// </summary>
public sealed record InfrastructureCredentials(
    IResourceBuilder<ParameterResource> PostgresUser,
    IResourceBuilder<ParameterResource> PostgresPassword,
    IResourceBuilder<ParameterResource> RabbitMqUser,
    IResourceBuilder<ParameterResource> RabbitMqPassword)
{
    public static InfrastructureCredentials Add(IDistributedApplicationBuilder builder, bool persist)
    {
        // Letters and digits only: the values go into key=value and URI connection strings.
        var generated = new GenerateParameterDefault { MinLength = 24, Special = false };
        return new InfrastructureCredentials(
            builder.AddParameter("postgres-username", "postgres"),
            builder.AddParameter("postgres-password", generated, secret: true, persist: persist),
            builder.AddParameter("messaging-username", "partyplatform"),
            builder.AddParameter("messaging-password", generated, secret: true, persist: persist));
    }
}
