using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.ReadModel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>The read model rebuilt from scratch: emptied, every source asked to replay, and the same facts give the same figures.</summary>
public sealed class ReadModelRebuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly string[] ReplayQueues =
    [
        TreeReplayRequested.Queue, VenueFactsReplayRequested.Queue, PersonnelFactsReplayRequested.Queue, SurveysFactsReplayRequested.Queue,
        AssessmentsFactsReplayRequested.Queue,
    ];

    private static readonly string[] FigurePaths =
    [
        "/api/dashboard/tree/counties",
        "/api/dashboard/venues/coverage?level=County",
        "/api/dashboard/personnel/secretary-profiles?level=County",
        "/api/dashboard/surveys/figures",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rebuild_empties_every_copy_asks_every_source_to_replay_and_the_replayed_facts_give_the_same_figures()
    {
        await using var app = await DashboardApp.StartAsync();
        foreach (var queue in ReplayQueues)
        {
            await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(app.Broker, queue), Timeout);
        }

        var facts = Facts(app.Tree);
        foreach (var publish in facts)
        {
            await publish(app);
        }

        var city = app.CreateClient();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.OrganizationVisits.CountAsync(Ct) == 2 && await db.VenueCoverages.CountAsync(Ct) == 2 && await db.SecretaryProfiles.AnyAsync(Ct);
        }, Timeout);
        var before = await FiguresAsync(city);

        var county = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsync("/api/dashboard/rebuilds", null, Ct)).StatusCode);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(2, await db.OrganizationVisits.CountAsync(Ct));
        }

        var response = await city.PostAsync("/api/dashboard/rebuilds", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rebuild = await response.Content.ReadFromJsonAsync<ReadModelRebuildResponse>(Ct);
        Assert.Equal(ReplayQueues.Order(), rebuild!.ReplaysAsked.Order());
        Assert.Contains("unit_replicas", rebuild.Cleared);
        Assert.Contains("organization_visits", rebuild.Cleared);
        Assert.DoesNotContain("audit_entries", rebuild.Cleared);
        await using (var db = app.OpenDb())
        {
            Assert.Equal((0, 0, 0, 0, 0), (await db.Units.CountAsync(Ct), await db.VenueCoverages.CountAsync(Ct), await db.SecretaryProfiles.CountAsync(Ct),
                await db.OrganizationVisits.CountAsync(Ct), await db.SurveyCampaigns.CountAsync(Ct)));
            // Recorded when the copies were emptied, and again with the replays it asked for.
            var audited = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(ReadModelRebuild)).OrderBy(a => a.OccurredAt).ToListAsync(Ct);
            Assert.Equal([("Added", rebuild.Id.ToString()), ("Modified", rebuild.Id.ToString())], audited.Select(a => (a.Action, a.EntityId)));
        }

        // Each source is asked again, by requests whose figures say the copies are empty.
        foreach (var queue in ReplayQueues)
        {
            var body = await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(app.Broker, queue), Timeout);
            Assert.Equal("dashboard", JsonDocument.Parse(body).RootElement.GetProperty("message").GetProperty("requestedBy").GetString());
        }

        // The sources answer as they do: their current state again, under new message ids, the tree first.
        foreach (var publish in facts)
        {
            await publish(app);
        }

        await Eventually.TrueAsync(async () => (await FiguresAsync(city)).SequenceEqual(before), Timeout);
        var listed = await city.GetFromJsonAsync<JsonElement>("/api/dashboard/rebuilds", Ct);
        Assert.Equal(rebuild.Id, listed.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private static async Task<List<string>> FiguresAsync(HttpClient city)
    {
        var figures = new List<string>();
        foreach (var path in FigurePaths)
        {
            using var response = await city.GetAsync(path, Ct);
            figures.Add($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        return figures;
    }

    /// <summary>What the sources hold for the test's tree: every unit, two units' coverage, a county's secretaries, a campaign's visits.</summary>
    private static List<Func<DashboardApp, Task>> Facts(DashboardTree tree)
    {
        var (county, township) = (tree[DashboardTree.CountyCode], tree[DashboardTree.TownshipCode]);
        var campaign = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        return
        [
            .. tree.Units.Select(Fact),
            Fact(new VenueCoverageChanged(county.UnitId, 4, county.Name, county.Code, county.Level, 10, 7, 70m, at)),
            Fact(new VenueCoverageChanged(township.UnitId, 2, township.Name, township.Code, township.Level, 4, 3, 75m, at)),
            Fact(new VillageSecretaryProfileChanged(county.UnitId, 3, county.Name, county.Code, county.Level, 10, 9, 4,
                new Dictionary<string, int> { ["Bachelor"] = 5, ["HighSchool"] = 4 }, new Dictionary<string, int> { ["Veteran"] = 2 },
                new Dictionary<int, int> { [1975] = 5, [1988] = 4 }, at)),
            Fact(new SurveyCampaignChanged(campaign, 1, "2026年入户走访", tree.Id(DashboardTree.CityCode), new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), at)),
            Fact(new OrganizationVisitFiguresChanged(Guid.NewGuid(), campaign, Guid.NewGuid(), DashboardTree.VillageCode, tree.Id(DashboardTree.VillageCode), 5, 200, 120, true, at)),
            Fact(new OrganizationVisitFiguresChanged(Guid.NewGuid(), campaign, Guid.NewGuid(), DashboardTree.OtherVillageCode, tree.Id(DashboardTree.OtherVillageCode), 2, 80, 0, true, at)),
        ];
    }

    /// <summary>Published as its source publishes it, under a message id of its own.</summary>
    private static Func<DashboardApp, Task> Fact<T>(T fact) where T : class => app => app.PublishAsync(fact, Guid.NewGuid(), Ct);
}
