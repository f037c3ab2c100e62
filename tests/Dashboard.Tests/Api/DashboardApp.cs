using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>
/// The Dashboard service on a database and a broker vhost of its own, for one test, with a small
/// tree written straight into its copy (see <see cref="Tree"/>) and its bus ready to consume.
/// </summary>
public sealed class DashboardApp : ServiceApp<Program>
{
    private readonly IEnumerable<KeyValuePair<string, string?>> extraSettings;

    private DashboardApp(string database, string broker, string serviceDatabase, IEnumerable<KeyValuePair<string, string?>> extraSettings)
    {
        Database = database;
        Broker = broker;
        ServiceDatabase = serviceDatabase;
        this.extraSettings = extraSettings;
    }

    /// <summary>The test's own way to the database.</summary>
    public string Database { get; }

    /// <summary>The service's way to the database: <see cref="Database"/> unless the test routes it elsewhere (through a relay, say).</summary>
    public string ServiceDatabase { get; }

    public string Broker { get; }

    public DashboardTree Tree { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:dashboarddb", ServiceDatabase),
        new("ConnectionStrings:messaging", Broker),
        .. extraSettings,
    ];

    /// <summary>
    /// A started app whose copy of the tree holds <see cref="Tree"/>; <paramref name="serviceDatabase"/>
    /// gives the service another way to its database, <paramref name="settings"/> add to its configuration.
    /// </summary>
    public static async Task<DashboardApp> StartAsync(
        Func<string, string>? serviceDatabase = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestServers.Postgres.CreateDatabaseAsync();
        var app = new DashboardApp(
            database, await TestServers.RabbitMq.CreateVirtualHostAsync(), serviceDatabase?.Invoke(database) ?? database, settings ?? []);
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        await db.SaveChangesAsync(ct);
        await app.WaitForBusAsync();
        return app;
    }

    public DashboardDb OpenDb() => Db(Database);

    /// <summary>Whether <paramref name="consumer"/> has applied the message (its inbox holds the id): a fact that changed nothing leaves no other trace.</summary>
    public async Task<bool> AppliedAsync(Guid messageId, string consumer)
    {
        await using var db = OpenDb();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Closes the test's own idle connections too (the service closes its pool when it stops): a pool outlives its app,
    /// and the suite's apps together would otherwise hold more than the test server's connections.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = new NpgsqlConnection(Database);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>The service's DbContext on <paramref name="database"/>, without the service.</summary>
    public static DashboardDb Db(string database) =>
        new(new DbContextOptionsBuilder<DashboardDb>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options);
}
