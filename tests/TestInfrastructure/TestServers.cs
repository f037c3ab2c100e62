namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// One throwaway PostgreSQL server and one RabbitMQ node per test process, started on first use and
/// stopped when the process exits. Tests isolate themselves inside them: a database and a vhost each.
/// </summary>
public static class TestServers
{
    public static SharedPostgres Postgres { get; } = new();

    public static SharedRabbitMq RabbitMq { get; } = new();

    public sealed class SharedPostgres
    {
        private readonly Lazy<Task<PostgresServer>> server = new(() => StopAtExit(PostgresServer.StartAsync(Durable)));

        /// <summary>TEST_POSTGRES_DURABLE=1 keeps fsync on (the benchmark's --durable); tests do without.</summary>
        private static bool Durable => Environment.GetEnvironmentVariable("TEST_POSTGRES_DURABLE") == "1";

        /// <summary>A new empty database; returns its connection string.</summary>
        public async Task<string> CreateDatabaseAsync()
        {
            var postgres = await server.Value;
            var name = $"test_{Guid.NewGuid():N}";
            await postgres.CreateDatabaseAsync(name);
            return postgres.ConnectionString(name);
        }
    }

    public sealed class SharedRabbitMq
    {
        private readonly Lazy<Task<RabbitMqServer>> server = new(() => StopAtExit(RabbitMqServer.StartAsync()));

        /// <summary>A new vhost of its own, so that exchanges and queues of one test never meet another's; returns its amqp URI.</summary>
        public async Task<string> CreateVirtualHostAsync()
        {
            var rabbit = await server.Value;
            return await rabbit.CreateVirtualHostAsync($"test-{Guid.NewGuid():N}");
        }
    }

    private static async Task<T> StopAtExit<T>(Task<T> starting) where T : IAsyncDisposable
    {
        var started = await starting;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => started.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return started;
    }
}
