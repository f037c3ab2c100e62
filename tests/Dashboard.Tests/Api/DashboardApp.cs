using Microsoft.EntityFrameworkCore;
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
    private DashboardApp(string database, string broker)
    {
        Database = database;
        Broker = broker;
    }

    public string Database { get; }

    public string Broker { get; }

    public DashboardTree Tree { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:dashboarddb", Database),
        new("ConnectionStrings:messaging", Broker),
    ];

    /// <summary>A started app whose copy of the tree holds <see cref="Tree"/>.</summary>
    public static async Task<DashboardApp> StartAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = new DashboardApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync());
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        await db.SaveChangesAsync(ct);
        await app.WaitForBusAsync();
        return app;
    }

    public DashboardDb OpenDb() => Db(Database);

    /// <summary>The service's DbContext on <paramref name="database"/>, without the service.</summary>
    public static DashboardDb Db(string database) =>
        new(new DbContextOptionsBuilder<DashboardDb>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options);
}
