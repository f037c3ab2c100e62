using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>
/// The Venues service on a database and a broker vhost of its own, for one test, with a clock the
/// test moves (it starts on 1 June 2026, 09:00 in the city; the configured deadline is 31 December 2026)
/// and a small tree written straight into its copy: see <see cref="Tree"/>.
/// </summary>
public sealed class VenuesApp : ServiceApp<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly KeyValuePair<string, string?>[] extraSettings;

    private VenuesApp(string database, string broker, KeyValuePair<string, string?>[] extraSettings)
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
        new("ConnectionStrings:venuesdb", Database),
        new("ConnectionStrings:messaging", Broker),
        // Tests move the clock by months and then read the outbox: housekeeping must not have emptied it.
        new("Messaging:Housekeeping:OutboxRetention", "3650.00:00:00"),
        .. extraSettings,
    ];

    /// <summary>A started app whose copy of the tree holds <see cref="Tree"/>.</summary>
    /// <param name="settings">Settings beyond the connection strings, such as <c>DemoData:Load</c>.</param>
    public static async Task<VenuesApp> StartAsync(params KeyValuePair<string, string?>[] settings)
    {
        var app = new VenuesApp(await TestServers.Postgres.CreateDatabaseAsync(), await TestServers.RabbitMq.CreateVirtualHostAsync(), settings);
        _ = app.Server;
        await using var db = app.OpenDb();
        db.Units.AddRange(app.Tree.Units.Select(UnitReplica.From));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>Records the baseline of villages of 东镇 (or another township) by number; the request must succeed.</summary>
    public Task RecordBaselineAsync(HttpClient client, params (int Village, bool HasUsableVenue)[] villages) =>
        RecordBaselineAsync(client, TestTree.TownshipCode, villages);

    public async Task RecordBaselineAsync(HttpClient client, string townshipCode, params (int Village, bool HasUsableVenue)[] villages)
    {
        var response = await client.PutAsJsonAsync("/api/venues/baseline/villages",
            new { villages = villages.Select(v => new { villageId = Tree.Village(townshipCode, v.Village), hasUsableVenue = v.HasUsableVenue }) },
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Plans a new build for a village, dated 1 May 2026; returns the venue's id.</summary>
    public async Task<Guid> PlanAsync(HttpClient client, Guid villageId)
    {
        var response = await client.PostAsJsonAsync("/api/venues/venues",
            new { villageId, kind = "NewBuild", floorArea = 300, functions = new[] { "PartyActivity" }, rooms = new[] { "Clinic" }, plannedOn = "2026-05-01" },
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>The events of a type the service wrote to its outbox, sent or not, oldest first.</summary>
    public async Task<List<T>> PublishedAsync<T>()
    {
        await using var db = OpenDb();
        return await db.PublishedAsync<T>();
    }

    /// <summary>Another instance of the service on the same database and broker, as after a restart, at the same time.</summary>
    public VenuesApp Restarted()
    {
        var app = new VenuesApp(Database, Broker, extraSettings);
        app.Time.SetUtcNow(Time.GetUtcNow());
        return app;
    }

    public VenuesDb OpenDb() =>
        new(new DbContextOptionsBuilder<VenuesDb>().UseNpgsql(Database).UseSnakeCaseNamingConvention().Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }
}
