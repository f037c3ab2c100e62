using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Baseline, venues and the coverage they make, with the events coverage publishes.</summary>
public sealed class CoverageApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accepting_the_last_missing_venue_brings_the_township_to_full_coverage_and_publishes_each_change()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var township = app.Tree.Id(TestTree.TownshipCode);
        await app.RecordBaselineAsync(client, (1, true), (2, true), (3, false));

        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 3));
        foreach (var state in new[] { "UnderConstruction", "Completed" })
        {
            (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state, on = "2026-05-30" }, Ct)).EnsureSuccessStatusCode();
        }

        var before = await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{township}", Ct);
        (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "Accepted", on = "2026-05-31" }, Ct)).EnsureSuccessStatusCode();
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{township}", Ct);
        var countdown = await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{app.Tree.Id(TestTree.CountyCode)}/villages-without-venue", Ct);

        Assert.Equal((3, 2, 66.7m), (before.GetProperty("villages").GetInt32(), before.GetProperty("villagesWithVenue").GetInt32(), before.GetProperty("coveragePercent").GetDecimal()));
        Assert.Equal((3, 100m), (after.GetProperty("villagesWithVenue").GetInt32(), after.GetProperty("coveragePercent").GetDecimal()));
        Assert.Equal(3, countdown.GetProperty("totalCount").GetInt32()); // 西镇's three villages have no baseline yet
        var published = await app.PublishedAsync<VenueCoverageChanged>();
        var township100 = published.Where(e => e.UnitId == township).MaxBy(e => e.Version)!;
        Assert.Equal((3, 3, 100m), (township100.Villages, township100.VillagesWithVenue, township100.CoveragePercent));
        Assert.Equal([1L, 2L], published.Where(e => e.UnitId == township).Select(e => e.Version).Order());
        Assert.Contains(published, e => e.UnitId == app.Tree.Id(TestTree.CountyCode) && e.VillagesWithVenue == 3);
        Assert.Contains(published, e => e.UnitId == app.Tree.Id(TestTree.CityCode) && e.VillagesWithVenue == 3);
        // Each village's own coverage, for the Dashboard's village page: one of one from the baseline; none, then one of one
        // once its project is accepted (planning and building it moved nothing).
        Assert.Equal([(1L, 0, 0m), (2L, 1, 100m)], published.Where(e => e.UnitId == app.Tree.Village(TestTree.TownshipCode, 3))
            .OrderBy(e => e.Version).Select(e => (e.Version, e.VillagesWithVenue, e.CoveragePercent)));
        Assert.Contains(published, e => e.UnitId == app.Tree.Village(TestTree.TownshipCode, 1) && e is { Level: UnitLevel.Village, Villages: 1, VillagesWithVenue: 1 });
        Assert.Equal(20_000m, (await app.OpenDb().FundingLines.SingleAsync(Ct)).Pledged);
    }

    [Fact]
    public async Task At_start_each_village_whose_coverage_was_never_published_gets_it_once()
    {
        await using var app = await VenuesApp.StartAsync();
        var covered = app.Tree.Village(TestTree.TownshipCode, 1);
        await app.RecordBaselineAsync(app.CreateClient(), (1, true));
        var rural = app.Tree.Units.Where(u => u.Kind == UnitKind.Village).Select(u => u.UnitId).ToHashSet();

        // The tree came after this instance started: its villages wait for a write, or for the next start.
        await using (var restarted = app.Restarted())
        {
            _ = restarted.Server;
        }

        await using (var again = app.Restarted())
        {
            _ = again.Server;
        }

        var villages = (await app.PublishedAsync<VenueCoverageChanged>()).Where(e => e.Level == UnitLevel.Village).ToList();
        Assert.Equal(rural.Order(), villages.Select(e => e.UnitId).Order());
        Assert.All(villages, e => Assert.Equal((1L, 1, e.UnitId == covered ? 1 : 0), (e.Version, e.Villages, e.VillagesWithVenue)));
    }

    [Fact]
    public async Task Bad_baseline_and_venue_requests_are_refused_naming_the_field_and_write_nothing()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var unknown = await client.PutAsJsonAsync("/api/venues/baseline/villages", new { villages = new[] { new { villageId = Guid.NewGuid(), hasUsableVenue = true } } }, Ct);
        var community = await client.PutAsJsonAsync("/api/venues/baseline/villages", new { villages = new[] { new { villageId = app.Tree.Id("610502001001"), hasUsableVenue = true } } }, Ct);
        var outside = await county.PutAsJsonAsync("/api/venues/baseline/villages", new
        {
            villages = new[] { new { villageId = app.Tree.Village(TestTree.TownshipCode, 1), hasUsableVenue = true }, new { villageId = app.Tree.Village(TestTree.OtherTownshipCode, 1), hasUsableVenue = true } },
        }, Ct);
        var negative = await client.PostAsJsonAsync("/api/venues/venues", new { villageId = app.Tree.Village(TestTree.TownshipCode, 1), kind = "NewBuild", floorArea = -5, plannedOn = "2026-05-01" }, Ct);
        var future = await client.PostAsJsonAsync("/api/venues/venues", new { villageId = app.Tree.Village(TestTree.TownshipCode, 1), kind = "NewBuild", floorArea = 200, plannedOn = "2026-06-02" }, Ct);
        var noKind = await client.PostAsJsonAsync("/api/venues/venues", new { villageId = app.Tree.Village(TestTree.TownshipCode, 1), floorArea = 200, plannedOn = "2026-05-01" }, Ct);
        var noAnswer = await client.PutAsJsonAsync("/api/venues/baseline/villages", new { villages = new[] { new { villageId = app.Tree.Village(TestTree.TownshipCode, 1) } } }, Ct);
        var elsewhere = await county.PostAsJsonAsync("/api/venues/venues", new { villageId = app.Tree.Village(TestTree.OtherTownshipCode, 1), kind = "Renovation", floorArea = 200, plannedOn = "2026-05-01" }, Ct);

        Assert.Equal("villages[0].villageId", await ErrorFieldAsync(unknown));
        Assert.Equal("villages[0].villageId", await ErrorFieldAsync(community));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal("floorArea", await ErrorFieldAsync(negative));
        Assert.Equal("plannedOn", await ErrorFieldAsync(future));
        Assert.Equal("kind", await ErrorFieldAsync(noKind));
        Assert.Equal("villages[0].hasUsableVenue", await ErrorFieldAsync(noAnswer));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal((0, 0), (await db.Baselines.CountAsync(Ct), await db.Venues.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_county_verifies_its_baseline_only_once_every_village_is_recorded()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var county = app.Tree.Id(TestTree.CountyCode);
        await app.RecordBaselineAsync(client, (1, true), (2, true), (3, false));

        var early = await client.PostAsync($"/api/venues/baseline/counties/{county}/verification", null, Ct);
        await app.RecordBaselineAsync(client, TestTree.SecondTownshipCode, (1, false), (2, true), (3, true));
        var verified = await client.PostAsync($"/api/venues/baseline/counties/{county}/verification", null, Ct);
        var other = await client.PostAsync($"/api/venues/baseline/counties/{app.Tree.Id(TestTree.OtherCountyCode)}/verification", null, Ct);
        var unverified = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/venues/baseline/counties/unverified", Ct);
        var coverage = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/venues/coverage", Ct);
        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{app.Tree.Id(TestTree.CityCode)}", Ct);

        Assert.Equal("countyId", await ErrorFieldAsync(early));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(["华州区"], unverified.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([("临渭区", true), ("华州区", false)], coverage.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("baselineVerified").GetBoolean())));
        Assert.False(city.GetProperty("baselineVerified").GetBoolean());
        await using var db = app.OpenDb();
        var verification = await db.BaselineVerifications.SingleAsync(Ct);
        Assert.Equal((county, 6, 4, "test-client"), (verification.CountyId, verification.Villages, verification.VillagesWithUsableVenue, verification.VerifiedBy));
    }

    [Fact]
    public async Task A_project_is_behind_schedule_once_a_milestone_is_late_and_listed_for_its_county_and_township()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));
        var county = app.Tree.Id(TestTree.CountyCode);

        var onTime = await client.GetFromJsonAsync<JsonElement>($"/api/venues/projects/behind-schedule?countyId={county}", Ct);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 9, 8, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime()); // milestone 1 was due on 7 September
        var late = await client.GetFromJsonAsync<JsonElement>($"/api/venues/projects/behind-schedule?townshipId={app.Tree.Id(TestTree.TownshipCode)}", Ct);
        var perCounty = await client.GetFromJsonAsync<JsonElement>("/api/venues/projects/behind-schedule/counties", Ct);
        var perTownship = await client.GetFromJsonAsync<JsonElement>($"/api/venues/projects/behind-schedule/counties/{county}/townships", Ct);

        Assert.Equal(0, onTime.GetProperty("totalCount").GetInt32());
        var project = Assert.Single(late.GetProperty("items").EnumerateArray());
        Assert.Equal((venue, "选址与规划设计"), (project.GetProperty("venueId").GetGuid(), project.GetProperty("lateMilestones")[0].GetProperty("name").GetString()));
        Assert.Equal([("临渭区", 1, 1), ("华州区", 0, 0)], perCounty.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("projects").GetInt32(), c.GetProperty("behindSchedule").GetInt32())));
        Assert.Equal([("东镇", 1), ("西镇", 0)], perTownship.GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("behindSchedule").GetInt32())));
    }

    [Fact]
    public async Task Behind_schedule_lists_and_counts_are_paged_and_leave_out_projects_whose_late_milestones_are_done()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venues = new List<Guid>();
        foreach (var (township, n) in new[] { (TestTree.SecondTownshipCode, 2), (TestTree.TownshipCode, 3), (TestTree.TownshipCode, 1), (TestTree.OtherTownshipCode, 1) })
        {
            venues.Add(await app.PlanAsync(client, app.Tree.Village(township, n)));
        }

        // 东1村 finished its first milestone in time; on 8 September only the other three are late.
        (await client.PostAsJsonAsync($"/api/venues/venues/{venues[2]}/milestones/1/completion", new { on = "2026-05-20" }, Ct)).EnsureSuccessStatusCode();
        app.Time.SetUtcNow(new DateTimeOffset(2026, 9, 8, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());

        var first = await client.GetFromJsonAsync<JsonElement>("/api/venues/projects/behind-schedule?pageSize=2", Ct);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/venues/projects/behind-schedule?pageSize=2&page=2", Ct);
        var huge = await client.GetFromJsonAsync<JsonElement>("/api/venues/projects/behind-schedule?pageSize=100000", Ct);
        var counties = await client.GetFromJsonAsync<JsonElement>("/api/venues/projects/behind-schedule/counties?pageSize=1&page=2", Ct);
        var townships = await client.GetFromJsonAsync<JsonElement>(
            $"/api/venues/projects/behind-schedule/counties/{app.Tree.Id(TestTree.CountyCode)}/townships", Ct);

        Assert.Equal((3, 2), (first.GetProperty("totalCount").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        Assert.Equal(["东3村", "西2村", "南1村"],
            first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("village").GetString()));
        Assert.Equal(("西镇", "临渭区", "华州区"), (first.GetProperty("items")[1].GetProperty("township").GetString(),
            first.GetProperty("items")[1].GetProperty("county").GetString(), second.GetProperty("items")[0].GetProperty("county").GetString()));
        Assert.Equal(PageRequest.MaxSize, huge.GetProperty("pageSize").GetInt32());
        var other = Assert.Single(counties.GetProperty("items").EnumerateArray());
        Assert.Equal(("华州区", 1, 1, 2), (other.GetProperty("name").GetString(), other.GetProperty("projects").GetInt32(),
            other.GetProperty("behindSchedule").GetInt32(), counties.GetProperty("totalCount").GetInt32()));
        Assert.Equal([("东镇", 2, 1), ("西镇", 1, 1)], townships.GetProperty("items").EnumerateArray()
            .Select(t => (t.GetProperty("name").GetString(), t.GetProperty("projects").GetInt32(), t.GetProperty("behindSchedule").GetInt32())));
    }

    [Fact]
    public async Task Coverage_lists_and_the_countdown_are_paged_by_code()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        await app.RecordBaselineAsync(client, (1, true), (2, false), (3, false));
        await app.RecordBaselineAsync(client, TestTree.OtherTownshipCode, (1, true));

        var townships = await client.GetFromJsonAsync<JsonElement>("/api/venues/coverage?level=Township&pageSize=2&page=2", Ct);
        var county = await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage?level=County&parentId={app.Tree.Id(TestTree.CityCode)}&pageSize=100000", Ct);
        var countdown = await client.GetFromJsonAsync<JsonElement>(
            $"/api/venues/coverage/{app.Tree.Id(TestTree.CountyCode)}/villages-without-venue?pageSize=2&page=2", Ct);

        var south = Assert.Single(townships.GetProperty("items").EnumerateArray());
        Assert.Equal((3, "南镇", 2, 1, 50.0m), (townships.GetProperty("totalCount").GetInt32(), south.GetProperty("name").GetString(),
            south.GetProperty("villages").GetInt32(), south.GetProperty("villagesWithVenue").GetInt32(), south.GetProperty("coveragePercent").GetDecimal()));
        Assert.Equal((PageRequest.MaxSize, 2), (county.GetProperty("pageSize").GetInt32(), county.GetProperty("totalCount").GetInt32()));
        Assert.Equal([(6, 1), (2, 1)], county.GetProperty("items").EnumerateArray()
            .Select(c => (c.GetProperty("villages").GetInt32(), c.GetProperty("villagesWithVenue").GetInt32())));
        // Without a venue in 临渭区, by code: 东2村, 东3村 | 西1村, 西2村 | 西3村.
        Assert.Equal(5, countdown.GetProperty("totalCount").GetInt32());
        Assert.Equal(["西1村", "西2村"], countdown.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
    }

    private static async Task<string> ErrorFieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;
    }
}
