using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>
/// The Surveys service on a database and a broker vhost of its own, for one test, with a clock the test
/// moves (1 June 2026, 09:00 in the city) and <see cref="TestTree"/> written straight into its copy.
/// </summary>
public sealed class SurveysApp : ServiceApp<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The code of the enterprise Party organisation of 东镇 in every app's copy.</summary>
    public const string EnterpriseCode = "610502001000E001";

    /// <summary>The code of the new social organisation's Party organisation of 南镇 (county B).</summary>
    public const string OtherEnterpriseCode = "610503001000S001";

    private readonly ConcurrentDictionary<string, Guid> organizationIds = new();

    private readonly IngestSettings ingest;

    private SurveysApp(string database, string broker, IngestSettings ingest)
    {
        Database = database;
        Broker = broker;
        this.ingest = ingest;
    }

    public string Database { get; }

    public string Broker { get; }

    public FakeTimeProvider Time { get; } = new(Start.ToUniversalTime());

    public TestTree Tree { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:surveysdb", Database),
        new("ConnectionStrings:messaging", Broker),
        .. new KeyValuePair<string, string?>[]
        {
            new("Surveys:Ingest:BatchLines", ingest.BatchLines?.ToString()),
            new("Surveys:Ingest:MaxBodyBytes", ingest.MaxBodyBytes?.ToString()),
        }.Where(setting => setting.Value is not null),
    ];

    /// <param name="ingestBatchLines">Lines per batch of an ingest, small to see several batches in a small file.</param>
    /// <param name="ingestMaxBodyBytes">An ingest's body limit, small to pass it with a small file.</param>
    public static async Task<SurveysApp> StartAsync(int? ingestBatchLines = null, long? ingestMaxBodyBytes = null)
    {
        var app = new SurveysApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync(),
            new IngestSettings(ingestBatchLines, ingestMaxBodyBytes));
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        // Every village and community has its own Party organisation, coded with its division code; 东镇 has an enterprise's, 南镇 a new social organisation's.
        db.PartyOrganizations.AddRange(app.Tree.Units.Where(u => u.Level == UnitLevel.Village).Select(u => PartyOrganizationReplica.From(new PartyOrganizationChanged(
            app.OrganizationId(u.Code!), 1, UnitChange.Created, $"{u.Name}党支部", u.Code!,
            u.Kind == UnitKind.Village ? PartyOrganizationKind.Village : PartyOrganizationKind.Community, u.UnitId, false, null, Start))));
        db.PartyOrganizations.Add(PartyOrganizationReplica.From(new PartyOrganizationChanged(
            app.OrganizationId(EnterpriseCode), 1, UnitChange.Created, "东镇示例食品有限公司党支部", EnterpriseCode, PartyOrganizationKind.Enterprise,
            app.Tree.Id(TestTree.TownshipCode), false, null, Start)));
        db.PartyOrganizations.Add(PartyOrganizationReplica.From(new PartyOrganizationChanged(
            app.OrganizationId(OtherEnterpriseCode), 1, UnitChange.Created, "南镇示例协会党支部", OtherEnterpriseCode, PartyOrganizationKind.SocialOrganization,
            app.Tree.Id(TestTree.OtherTownshipCode), false, null, Start)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>
    /// A campaign running from June to August 2026 over every village and community of the test tree under
    /// <paramref name="unitCode"/> (the city's by default), each village's own Party organisation coded with its
    /// division code, with <paramref name="households"/> each.
    /// </summary>
    public async Task<Guid> CampaignAsync(
        int? households = 100, string unitCode = TestTree.CityCode, string name = "2026年入户走访", DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        await using var db = OpenDb();
        var now = Time.GetUtcNow();
        var campaign = Campaign.Plan(name, Tree.Id(unitCode), startsOn ?? new DateOnly(2026, 6, 1), endsOn ?? new DateOnly(2026, 8, 31), now);
        db.Campaigns.Add(campaign);
        var under = await db.Units.Subtrees([Tree.Id(unitCode)]).Select(u => u.Id).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var unit in Tree.Units.Where(u => u.Level == UnitLevel.Village && under.Contains(u.UnitId)))
        {
            var organization = CampaignOrganization.Add(campaign.Id, OrganizationId(unit.Code!), unit.Code!, $"{unit.Name}党支部",
                unit.Kind == UnitKind.Village ? PartyOrganizationKind.Village : PartyOrganizationKind.Community, unit.UnitId, now);
            if (households is { } count)
            {
                organization.SetHouseholds(count, now);
            }

            db.CampaignOrganizations.Add(organization);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return campaign.Id;
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

    /// <summary>Another instance of the service on the same database and broker, as after a restart, at the same time.</summary>
    public SurveysApp Restarted()
    {
        var app = new SurveysApp(Database, Broker, ingest);
        app.Time.SetUtcNow(Time.GetUtcNow());
        return app;
    }

    public SurveysDb OpenDb() =>
        new(new DbContextOptionsBuilder<SurveysDb>().UseNpgsql(Database).UseSnakeCaseNamingConvention().Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    /// <summary>Ingest settings of this app; null keeps the service's own.</summary>
    private sealed record IngestSettings(int? BatchLines, long? MaxBodyBytes);
}
