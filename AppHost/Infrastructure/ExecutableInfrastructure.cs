using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from their installed binaries (scripts/install-prerequisites.sh), for
/// machines without a container engine. Each server is an executable resource running
/// scripts/*-server.sh in the foreground on its run-mode port (<see cref="RunModePorts"/>), passed
/// in an environment variable; under the testing builder on a free port behind DCP's proxy.
/// </summary>
public static class ExecutableInfrastructure
{
    private const string PostgresHealthCheck = "postgres-protocol";
    private const string RabbitMqHealthCheck = "rabbitmq-protocol";

    public static PlatformInfrastructure Add(
        IDistributedApplicationBuilder builder, InfrastructureOptions options, InfrastructureCredentials credentials, RepositoryLayout layout)
    {
        var dataDirectory = layout.DataDirectory(options);
        PlatformInfrastructureExtensions.LogAtStart(builder, $"PostgreSQL and RabbitMQ data: {dataDirectory}");

        var postgres = AddPostgres(builder, options, credentials, layout, Path.Combine(dataDirectory, "postgres"));
        var rabbitmq = AddRabbitMq(builder, options, credentials, layout, Path.Combine(dataDirectory, "rabbitmq"));

        return new PlatformInfrastructure
        {
            Mode = InfrastructureMode.Executables,
            DataDirectory = dataDirectory,
            Database = name => AddDatabase(builder, name, postgres, credentials),
            Messaging = AddMessaging(builder, rabbitmq, credentials),
            // Not the connection strings: those resolve as soon as the processes exist.
            ReadinessFor = _ => [postgres],
        };
    }

    private static IResourceBuilder<ExecutableResource> AddPostgres(
        IDistributedApplicationBuilder builder, InfrastructureOptions options, InfrastructureCredentials credentials, RepositoryLayout layout, string dataDirectory)
    {
        var postgres = AddServer(builder, options, "postgres", layout.Script("postgres-server.sh"), layout, portVariable: "PGPORT")
            .WithEnvironment("PG_DATA_DIR", dataDirectory)
            .WithEnvironment("PG_USER", credentials.PostgresUser)
            .WithEnvironment("PG_PASSWORD", credentials.PostgresPassword)
            .WithHealthCheck(PostgresHealthCheck);
        if (options.Ephemeral)
        {
            postgres.WithEnvironment("PG_FAST", "1");
        }

        var check = new PostgresProtocolHealthCheck(postgres.GetEndpoint("tcp"));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(PostgresHealthCheck, check, HealthStatus.Unhealthy, tags: null));
        return postgres;
    }

    private static IResourceBuilder<ExecutableResource> AddRabbitMq(
        IDistributedApplicationBuilder builder, InfrastructureOptions options, InfrastructureCredentials credentials, RepositoryLayout layout, string dataDirectory)
    {
        var rabbitmq = AddServer(builder, options, "rabbitmq", layout.Script("rabbitmq-server.sh"), layout, portVariable: "RABBITMQ_PORT")
            .WithEnvironment("RABBITMQ_DATA_DIR", dataDirectory)
            .WithEnvironment("RABBITMQ_USER", credentials.RabbitMqUser)
            .WithEnvironment("RABBITMQ_PASSWORD", credentials.RabbitMqPassword)
            .WithHealthCheck(RabbitMqHealthCheck);

        var check = new AmqpProtocolHealthCheck(rabbitmq.GetEndpoint("tcp"));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(RabbitMqHealthCheck, check, HealthStatus.Unhealthy, tags: null));
        return rabbitmq;
    }

    private static IResourceBuilder<ExecutableResource> AddServer(
        IDistributedApplicationBuilder builder, InfrastructureOptions options, string name, string script, RepositoryLayout layout, string portVariable)
    {
        // bash runs the script, so a checkout without the executable bit still works.
        var server = builder.AddExecutable(name, "bash", layout.Root, script)
            .WithEndpoint(scheme: "tcp", name: "tcp", env: portVariable)
            .WithRunModePort("tcp")
            // The script stops its server if the AppHost vanishes and DCP does not stop it
            // within the grace period (DCP stops the services and servers together).
            .WithEnvironment("PARENT_PID", Environment.ProcessId.ToString())
            .WithEnvironment("PARENT_GRACE_SECONDS", "20");
        if (options.Ephemeral)
        {
            // The servers outlive the AppHost by a few seconds (DCP stops them): the scripts
            // delete the data themselves once their server has been stopped (a crashed one keeps
            // it, so that the supervisor's restart finds its databases and queues).
            server.WithEnvironment("DELETE_DATA_DIR_ON_EXIT", "1");
        }

        return server;
    }

    /// <summary>A database's connection string. The database itself is created by its service
    /// (EF Core's Migrate creates a missing database), so nothing runs here.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> AddDatabase(
        IDistributedApplicationBuilder builder, string database, IResourceBuilder<ExecutableResource> postgres, InfrastructureCredentials credentials)
    {
        var endpoint = postgres.GetEndpoint("tcp");
        var connectionString = ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username={credentials.PostgresUser};Password={credentials.PostgresPassword};Database={database}");
        return builder.AddConnectionString(database, connectionString)
            .WithParentRelationship(postgres)
            // The same probe, so that waiting for the connection string means waiting for the server.
            .WithHealthCheck(PostgresHealthCheck);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddMessaging(
        IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> rabbitmq, InfrastructureCredentials credentials)
    {
        var endpoint = rabbitmq.GetEndpoint("tcp");
        var uri = ReferenceExpression.Create(
            $"amqp://{credentials.RabbitMqUser:uri}:{credentials.RabbitMqPassword:uri}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}/");
        return builder.AddConnectionString("messaging", uri)
            .WithParentRelationship(rabbitmq)
            .WithHealthCheck(RabbitMqHealthCheck);
    }
}
