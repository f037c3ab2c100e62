using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>
/// The Personnel service on a database and a broker vhost of its own, for one test, with a clock the test
/// moves (1 June 2026, 09:00 in the city) and <see cref="TestTree"/> written straight into its copy.
/// </summary>
public sealed class PersonnelApp : ServiceApp<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly KeyValuePair<string, string?>[] extraSettings;

    private PersonnelApp(string database, string broker, KeyValuePair<string, string?>[] extraSettings)
    {
        Database = database;
        Broker = broker;
        this.extraSettings = extraSettings;
    }

    public string Database { get; }

    public string Broker { get; }

    public FakeTimeProvider Time { get; } = new(Start.ToUniversalTime());

    public TestTree Tree { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:personneldb", Database),
        new("ConnectionStrings:messaging", Broker),
        .. extraSettings,
    ];

    /// <param name="settings">Settings beyond the connection strings, such as <c>DemoData:Load</c>.</param>
    public static async Task<PersonnelApp> StartAsync(params KeyValuePair<string, string?>[] settings)
    {
        var app = new PersonnelApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync(), settings);
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>The service started again on this one's database and broker, as after a restart.</summary>
    public PersonnelApp Restarted()
    {
        var again = new PersonnelApp(Database, Broker, extraSettings);
        _ = again.Server;
        return again;
    }

    /// <summary>The events of a type the service wrote to its outbox, with their raw payloads, oldest first.</summary>
    public async Task<List<(T Event, string Payload)>> PublishedAsync<T>()
    {
        await using var db = OpenDb();
        return await db.PublishedWithPayloadsAsync<T>();
    }

    /// <summary>Retires (merges away) the n-th village of a township into <paramref name="successor"/>, as Organizations' event would; returns its id.</summary>
    public async Task<Guid> RetireVillageAsync(string townshipCode, int n, Guid successor)
    {
        var village = Tree.Village(townshipCode, n);
        await using var db = OpenDb();
        await db.ApplyUnitChangesAsync([new AdministrativeUnitChanged(village, 2, UnitChange.Retired, $"退{n}村", UnitKind.Village, UnitLevel.Village,
            TestTree.VillageCode(townshipCode, n), Tree.Id(townshipCode), true, successor, DateTimeOffset.UnixEpoch)], TestContext.Current.CancellationToken);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return village;
    }

    public PersonnelDb OpenDb() =>
        new(new DbContextOptionsBuilder<PersonnelDb>().UseNpgsql(Database).UseSnakeCaseNamingConvention().Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }
}
