namespace PartyPlatform.AppHost.Infrastructure;

/// <summary>The ordinary Aspire container resources, for machines with Docker or Podman.</summary>
public static class ContainerInfrastructure
{
    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, InfrastructureOptions options, InfrastructureCredentials credentials)
    {
        // Host ports from Ports:postgres and Ports:rabbitmq; a container's port stays behind DCP's proxy.
        var postgres = builder.AddPostgres("postgres", credentials.PostgresUser, credentials.PostgresPassword, RunModePorts.Configured(builder, "postgres"));
        var messaging = builder.AddRabbitMQ("messaging", credentials.RabbitMqUser, credentials.RabbitMqPassword, RunModePorts.Configured(builder, "rabbitmq"));
        if (!options.Ephemeral)
        {
            // Named volumes survive restarts of the AppHost (and of the machine).
            postgres.WithDataVolume();
            messaging.WithDataVolume();
        }

        return new PlatformInfrastructure
        {
            Mode = InfrastructureMode.Containers,
            Database = name => postgres.AddDatabase(name),
            Messaging = messaging,
            ReadinessFor = database => [database],
        };
    }
}
