using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>
/// One test's world: its own database and its own broker vhost, so tests run in parallel without
/// seeing each other's messages. Hosts run the real relay and consumers as a service would; the
/// messaging tests and the messaging benchmark both stand on it.
/// </summary>
public sealed class MessagingHarness : IAsyncDisposable
{
    private readonly List<IHost> hosts = [];

    private MessagingHarness(string database, string broker)
    {
        Database = database;
        Broker = broker;
    }

    public string Database { get; }

    public string Broker { get; }

    public DeliveryLog Deliveries { get; } = new();

    /// <param name="node">A broker node of the test's own; by default a vhost on the process's shared one.</param>
    public static async Task<MessagingHarness> CreateAsync(RabbitMqServer? node = null)
    {
        var database = await TestServers.Postgres.CreateDatabaseAsync();
        var broker = node is null ? await TestServers.RabbitMq.CreateVirtualHostAsync() : node.AmqpUri;
        var harness = new MessagingHarness(database, broker);
        await using var db = harness.OpenDb();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync(MessagingModel.NotifyTriggerSql);
        return harness;
    }

    public RelayTestDb OpenDb() => RelayTestDb.Open(Database);

    /// <summary>Commits <paramref name="count"/> new pings to the outbox in one transaction.</summary>
    public async Task<List<Ping>> CommitPingsAsync(int count, CancellationToken cancellationToken = default)
    {
        var pings = Enumerable.Range(0, count).Select(_ => new Ping(Guid.NewGuid())).ToList();
        await using var db = OpenDb();
        pings.ForEach(db.PublishOnCommit);
        await db.SaveChangesAsync(cancellationToken);
        return pings;
    }

    public async Task<IHost> StartAsync(
        bool relay, bool consumer, TimeSpan? pollInterval = null, bool rawConsumer = false, bool batchConsumer = false,
        TimeSpan? publishTimeout = null, TimeSpan? stuckLimit = null)
    {
        var roles = new MessagingRoles(relay, consumer, batchConsumer, rawConsumer, pollInterval, publishTimeout, stuckLimit);
        var host = CreateHostBuilder(Database, Broker, Deliveries, roles).Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        hosts.Add(host);
        return host;
    }

    /// <summary>
    /// A host that plays <paramref name="roles"/> over <paramref name="database"/> and <paramref name="broker"/>
    /// as a service would: the hosts of <see cref="StartAsync"/> and the processes the fault tests
    /// kill (tests/Messaging.FaultHost) are the same.
    /// </summary>
    public static HostApplicationBuilder CreateHostBuilder(string database, string broker, DeliveryLog deliveries, MessagingRoles roles)
    {
        var builder = Host.CreateApplicationBuilder();
        // Per-command logging would be most of the work in a benchmark and noise in a failed test.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:DatabaseOutageMaxInterval"] = "00:00:01",
            ["Messaging:Outbox:PollInterval"] = (roles.PollInterval ?? TimeSpan.FromSeconds(1)).ToString(),
            ["Messaging:Outbox:PublishTimeout"] = (roles.PublishTimeout ?? TimeSpan.FromSeconds(30)).ToString(),
            ["Messaging:Outbox:ErrorDelay"] = "00:00:00.500",
            ["Messaging:Outbox:StuckLimit"] = (roles.StuckLimit ?? TimeSpan.FromMinutes(2)).ToString(),
            // A stuck relay stops its host; the test process must not take over the exit code meant for a service's supervisor.
            ["Messaging:Outbox:StuckExitCode"] = "0",
        });
        builder.Services.AddDbContext<RelayTestDb>(options => options.UseNpgsql(database).UseSnakeCaseNamingConvention());
        builder.Services.AddSingleton(deliveries);
        builder.AddPlatformMessaging("test", bus =>
        {
            if (roles.Consumer)
            {
                bus.AddInboxConsumer<PingConsumer>();
            }

            if (roles.RawConsumer)
            {
                bus.AddConsumer<RawPingConsumer>();
            }

            if (roles.BatchConsumer)
            {
                bus.AddBatchConsumer<PingBatchConsumer>(builder.Configuration);
            }
        });
        if (roles.Relay)
        {
            builder.AddOutboxRelay<RelayTestDb>();
        }

        return builder;
    }

    /// <summary>Stops a host as abruptly as the host allows: work in flight is cancelled, not finished.</summary>
    public async Task KillAsync(IHost host)
    {
        hosts.Remove(host);
        await host.StopAsync(new CancellationToken(canceled: true));
        host.Dispose();
    }

    public async Task<int> EffectsAsync(Guid pingId)
    {
        await using var db = OpenDb();
        return await db.Effects.CountAsync(e => e.PingId == pingId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
