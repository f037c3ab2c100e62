using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>
/// The Dashboard service on a database and a broker vhost of its own, for one test, with a small
/// tree written straight into its copy (see <see cref="Tree"/>) and its bus ready to consume.
/// </summary>
public sealed class DashboardApp : ServiceApp<Program>
{
    private readonly KeyValuePair<string, string?>[] extraSettings;

    private DashboardApp(string database, string broker, KeyValuePair<string, string?>[] extraSettings)
    {
        Database = database;
        Broker = broker;
        this.extraSettings = extraSettings;
    }

    public string Database { get; }

    public string Broker { get; }

    public DashboardTree Tree { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:dashboarddb", Database),
        new("ConnectionStrings:messaging", Broker),
        .. extraSettings,
    ];

    /// <summary>A started app whose copy of the tree holds <see cref="Tree"/>, with <paramref name="settings"/> over its own.</summary>
    public static async Task<DashboardApp> StartAsync(params KeyValuePair<string, string?>[] settings)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = new DashboardApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync(), settings);
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        await db.SaveChangesAsync(ct);
        await app.WaitForBusAsync();
        return app;
    }

    public DashboardDb OpenDb() => Db(Database);

    /// <summary>
    /// Closes this test's idle connections too: a pool outlives its app, and the suite's apps together would otherwise hold more
    /// than the test server's connections. The service's pool is keyed by its string with the connect timeout it adds.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var connectionString in new[] { Database, new NpgsqlConnectionStringBuilder(Database) { Timeout = 5 }.ConnectionString })
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>The service's DbContext on <paramref name="database"/>, without the service.</summary>
    public static DashboardDb Db(string database) =>
        new(new DbContextOptionsBuilder<DashboardDb>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options);
}
