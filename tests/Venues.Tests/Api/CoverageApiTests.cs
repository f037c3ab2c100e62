using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Security;

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
        Assert.Equal(20_000m, (await app.OpenDb().FundingLines.SingleAsync(Ct)).Pledged);
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
        Assert.Equal([("临渭区", true), ("华州区", false)], coverage.EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("baselineVerified").GetBoolean())));
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

        Assert.Equal(0, onTime.GetArrayLength());
        var project = Assert.Single(late.EnumerateArray());
        Assert.Equal((venue, "选址与规划设计"), (project.GetProperty("venueId").GetGuid(), project.GetProperty("lateMilestones")[0].GetProperty("name").GetString()));
        Assert.Equal([("临渭区", 1, 1), ("华州区", 0, 0)], perCounty.EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("projects").GetInt32(), c.GetProperty("behindSchedule").GetInt32())));
        Assert.Equal([("东镇", 1), ("西镇", 0)], perTownship.EnumerateArray().Select(t => (t.GetProperty("name").GetString(), t.GetProperty("behindSchedule").GetInt32())));
    }

    private static async Task<string> ErrorFieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;
    }
}
