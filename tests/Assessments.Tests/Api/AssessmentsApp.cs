using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>
/// The Assessments service on a database and a broker vhost of its own, for one test, with a clock the test moves
/// (1 December 2026, 09:00 in the city) and <see cref="TestTree"/> written straight into its copy: every village and
/// community with its own Party organisation, coded with its division code.
/// </summary>
public sealed class AssessmentsApp : ServiceApp<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ConcurrentDictionary<string, Guid> organizationIds = new();

    private AssessmentsApp(string database, string broker)
    {
        Database = database;
        Broker = broker;
    }

    public string Database { get; }

    public string Broker { get; }

    public FakeTimeProvider Time { get; } = new(Start.ToUniversalTime());

    public TestTree Tree { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:assessmentsdb", Database),
        new("ConnectionStrings:messaging", Broker),
    ];

    public static async Task<AssessmentsApp> StartAsync()
    {
        var app = new AssessmentsApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync());
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        db.PartyOrganizations.AddRange(app.Tree.Units.Where(u => u.Level == UnitLevel.Village).Select(u => PartyOrganizationReplica.From(new PartyOrganizationChanged(
            app.OrganizationId(u.Code!), 1, UnitChange.Created, $"{u.Name}党支部", u.Code!,
            u.Kind == UnitKind.Village ? PartyOrganizationKind.Village : PartyOrganizationKind.Community, u.UnitId, false, null, Start))));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>One more village under a township of the tree, with its Party organisation (coded with its division code).</summary>
    public async Task<Guid> AddVillageAsync(string townshipCode, int n, string name)
    {
        var code = TestTree.VillageCode(townshipCode, n);
        var unit = new AdministrativeUnitChanged(Guid.CreateVersion7(), 1, UnitChange.Created, name, UnitKind.Village, UnitLevel.Village, code,
            Tree.Id(townshipCode), false, null, Start);
        await using var db = OpenDb();
        db.Units.Add(UnitReplica.From(unit));
        db.PartyOrganizations.Add(PartyOrganizationReplica.From(new PartyOrganizationChanged(
            OrganizationId(code), 1, UnitChange.Created, $"{name}党支部", code, PartyOrganizationKind.Village, unit.UnitId, false, null, Start)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return OrganizationId(code);
    }

    /// <summary>The Party organisation id this app gives the unit of <paramref name="code"/> (stable per app).</summary>
    public Guid OrganizationId(string code) => organizationIds.GetOrAdd(code, _ => Guid.CreateVersion7());

    /// <summary>The events of a type the service wrote to its outbox, oldest first.</summary>
    public async Task<List<T>> PublishedAsync<T>()
    {
        await using var db = OpenDb();
        var type = MessageSerializer.TypeName(typeof(T));
        var rows = await db.Set<OutboxMessage>().Where(m => m.MessageType == type).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
        return rows.ConvertAll(m => (T)MessageSerializer.Deserialize(m.MessageType, m.Payload).Message);
    }

    public AssessmentsDb OpenDb() =>
        new(new DbContextOptionsBuilder<AssessmentsDb>().UseNpgsql(Database).UseSnakeCaseNamingConvention().Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }
}
