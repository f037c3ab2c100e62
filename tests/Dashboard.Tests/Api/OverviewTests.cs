using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>The first screen in one call: each figure group for the city, a county and a township, scoped like every figure.</summary>
public sealed class OverviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_city_sees_every_figure_group_and_each_county_one_level_below()
    {
        await using var app = await DashboardApp.StartAsync();
        await OverviewFacts.PublishAsync(app, Ct);

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/overview", Ct);

        Assert.Equal(("渭南市", "City"), (city.GetProperty("unit").GetProperty("name").GetString(), city.GetProperty("unit").GetProperty("level").GetString()));
        var venues = city.GetProperty("venues");
        Assert.Equal((2, 1, 1, 50m), (venues.GetProperty("villages").GetInt32(), venues.GetProperty("withVenue").GetInt32(),
            venues.GetProperty("withoutVenue").GetInt32(), venues.GetProperty("coveragePercent").GetDecimal()));
        var grading = city.GetProperty("grading");
        Assert.Equal((2026, 2, 1, 1, 50.0m, 50.0m, 30m, 20m, false), (grading.GetProperty("year").GetInt32(), grading.GetProperty("results").GetInt32(),
            grading.GetProperty("good").GetInt32(), grading.GetProperty("poor").GetInt32(), grading.GetProperty("goodSharePercent").GetDecimal(),
            grading.GetProperty("poorSharePercent").GetDecimal(), grading.GetProperty("goodTargetPercent").GetDecimal(),
            grading.GetProperty("poorTargetPercent").GetDecimal(), grading.GetProperty("meetsTargets").GetBoolean()));
        var leaders = city.GetProperty("leaders");
        Assert.Equal((2, 1, 50.0m, 1), (leaders.GetProperty("villages").GetInt32(), leaders.GetProperty("oneShoulder").GetInt32(),
            leaders.GetProperty("oneShoulderPercent").GetDecimal(), leaders.GetProperty("graduateTermsEndingWithoutExit").GetInt32()));
        Assert.Equal(2, leaders.GetProperty("ageBands").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(["Bachelor", "College"], leaders.GetProperty("education").EnumerateArray().Select(e => e.GetProperty("label").GetString()).Order());
        var surveys = city.GetProperty("surveys");
        Assert.Equal(("2026年入户走访", 2, 300L, 50L, 16.7m, 1, 1, 1, 1), (surveys.GetProperty("campaign").GetProperty("name").GetString(),
            surveys.GetProperty("organizations").GetInt32(), surveys.GetProperty("households").GetInt64(), surveys.GetProperty("householdsVisited").GetInt64(),
            surveys.GetProperty("visitRatePercent").GetDecimal(), surveys.GetProperty("blankSpots").GetInt32(), surveys.GetProperty("problemsOpen").GetInt32(),
            surveys.GetProperty("problemsOverdue").GetInt32(), surveys.GetProperty("problemsClosed").GetInt32()));
        Assert.Equal(["临渭区", "华州区"], city.GetProperty("ranking").GetProperty("counties").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        foreach (var group in new[] { "venues", "grading", "leaders", "surveys", "ranking" })
        {
            Assert.Equal(JsonValueKind.String, city.GetProperty(group).GetProperty("asOf").ValueKind);
        }

        var counties = city.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("unit").GetProperty("name").GetString()!);
        Assert.Equal(2, counties.Count);
        Assert.Equal((100m, 0, 100.0m, 100.0m, 25.0m, 0, 1, 1), Headline(counties["临渭区"]));
        Assert.Equal((0m, 1, 0.0m, null, 0.0m, 1, 0, 0), Headline(counties["华州区"]));
    }

    [Fact]
    public async Task A_county_sees_its_own_townships_and_ranking_row_and_another_countys_overview_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        await OverviewFacts.PublishAsync(app, Ct);
        var countyA = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        var countyB = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode);

        var response = await countyA.GetAsync("/api/dashboard/overview", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var own = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("临渭区", own.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(["东镇"], own.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("unit").GetProperty("name").GetString()));
        Assert.Equal(["临渭区"], own.GetProperty("ranking").GetProperty("counties").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal((1, 1, 0), (own.GetProperty("grading").GetProperty("results").GetInt32(), own.GetProperty("grading").GetProperty("good").GetInt32(),
            own.GetProperty("surveys").GetProperty("blankSpots").GetInt32()));
        foreach (var foreign in new[] { "华州区", "南镇", "南1村", app.Tree.Id(DashboardTree.OtherCountyCode).ToString(), app.Tree.Id(DashboardTree.OtherVillageCode).ToString() })
        {
            Assert.DoesNotContain(foreign, body, StringComparison.Ordinal);
        }

        var path = $"/api/dashboard/overview?unitId={app.Tree.Id(DashboardTree.OtherCountyCode)}";
        Assert.Equal(HttpStatusCode.NotFound, (await countyA.GetAsync(path, Ct)).StatusCode);
        var theirs = await countyB.GetFromJsonAsync<JsonElement>(path, Ct);
        Assert.Equal("华州区", theirs.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await countyA.GetAsync($"/api/dashboard/overview?unitId={Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_townships_overview_lists_its_villages_with_their_venue_state()
    {
        await using var app = await DashboardApp.StartAsync();
        await OverviewFacts.PublishAsync(app, Ct);

        var township = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/dashboard/overview?unitId={app.Tree.Id(DashboardTree.TownshipCode)}", Ct);

        Assert.Equal(("东镇", 1, 100m), (township.GetProperty("unit").GetProperty("name").GetString(), township.GetProperty("venues").GetProperty("withVenue").GetInt32(),
            township.GetProperty("venues").GetProperty("coveragePercent").GetDecimal()));
        var village = Assert.Single(township.GetProperty("children").EnumerateArray());
        Assert.Equal(("东1村", "Village", "InUse"), (village.GetProperty("unit").GetProperty("name").GetString(), village.GetProperty("unit").GetProperty("level").GetString(),
            village.GetProperty("venueState").GetString()));
        Assert.Equal((100.0m, 25.0m, 1), (village.GetProperty("goodSharePercent").GetDecimal(), village.GetProperty("visitRatePercent").GetDecimal(),
            village.GetProperty("problemsOpen").GetInt32()));
        // Venues' coverage of the village itself: it has a usable venue.
        Assert.Equal((100m, 0), (village.GetProperty("coveragePercent").GetDecimal(), village.GetProperty("withoutVenue").GetInt32()));
    }

    [Fact]
    public async Task A_units_ancestors_run_from_the_callers_own_unit_down_to_its_parent()
    {
        await using var app = await DashboardApp.StartAsync();
        var (city, county, township) = (app.CreateClient(), app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode),
            app.CreateClientAs(PlatformRoles.TownshipOperator, DashboardTree.TownshipCode));
        var ofTownship = $"/api/dashboard/overview?unitId={app.Tree.Id(DashboardTree.TownshipCode)}";
        var ofVillage = $"/api/dashboard/overview?unitId={app.Tree.Id(DashboardTree.VillageCode)}";

        // The city's trail starts at the city; a county's at its county and a township's at its township, never above.
        Assert.Equal([Unit(app, DashboardTree.CityCode, "渭南市", "City"), Unit(app, DashboardTree.CountyCode, "临渭区", "County")],
            await AncestorsAsync(city, ofTownship));
        Assert.Equal([Unit(app, DashboardTree.CountyCode, "临渭区", "County")], await AncestorsAsync(county, ofTownship));
        Assert.Equal([Unit(app, DashboardTree.CountyCode, "临渭区", "County"), Unit(app, DashboardTree.TownshipCode, "东镇", "Township")],
            await AncestorsAsync(county, ofVillage));
        Assert.Equal([Unit(app, DashboardTree.TownshipCode, "东镇", "Township")], await AncestorsAsync(township, ofVillage));
        Assert.Equal([Unit(app, DashboardTree.CityCode, "渭南市", "City"), Unit(app, DashboardTree.CountyCode, "临渭区", "County"),
            Unit(app, DashboardTree.TownshipCode, "东镇", "Township")], await AncestorsAsync(city, ofVillage));
        Assert.Equal(HttpStatusCode.NotFound,
            (await app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode).GetAsync(ofTownship, Ct)).StatusCode);
        // One's own unit has nothing above it to show.
        Assert.Empty(await AncestorsAsync(city, "/api/dashboard/overview"));
        Assert.Empty(await AncestorsAsync(county, "/api/dashboard/overview"));
        Assert.Empty(await AncestorsAsync(county, $"/api/dashboard/overview?unitId={app.Tree.Id(DashboardTree.CountyCode)}"));
    }

    [Fact]
    public async Task Before_any_fact_every_group_is_an_empty_state()
    {
        await using var app = await DashboardApp.StartAsync();

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/overview", Ct);

        Assert.Equal((0, JsonValueKind.Null), (city.GetProperty("venues").GetProperty("villages").GetInt32(), city.GetProperty("venues").GetProperty("asOf").ValueKind));
        Assert.Equal(JsonValueKind.Null, city.GetProperty("grading").GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, city.GetProperty("surveys").GetProperty("campaign").ValueKind);
        Assert.Equal(0, city.GetProperty("surveys").GetProperty("organizations").GetInt32());
        Assert.Empty(city.GetProperty("ranking").GetProperty("counties").EnumerateArray());
        Assert.Empty(city.GetProperty("leaders").GetProperty("ageBands").EnumerateArray());
        Assert.Equal(2, city.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task A_kept_answer_gives_way_to_the_next_fact()
    {
        await using var app = await DashboardApp.StartAsync();
        var client = app.CreateClient();
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/dashboard/overview", Ct)).GetProperty("venues").GetProperty("villages").GetInt32());
        var city = app.Tree[DashboardTree.CityCode];

        await app.PublishAsync(new VenueCoverageChanged(city.UnitId, 1, city.Name, city.Code, city.Level, 2, 1, 50m, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);

        await Eventually.TrueAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>("/api/dashboard/overview", Ct)).GetProperty("venues").GetProperty("villages").GetInt32() == 2,
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_venues_group_counts_projects_behind_schedule_the_units_funds_and_the_days_to_the_deadline()
    {
        await using var app = await DashboardApp.StartAsync();
        var (county, village, other) = (app.Tree[DashboardTree.CountyCode], app.Tree.Id(DashboardTree.VillageCode), app.Tree.Id(DashboardTree.OtherVillageCode));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        await app.PublishAsync(new VenueCoverageChanged(county.UnitId, 1, county.Name, county.Code, county.Level, 4, 1, 25m, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new ProjectScheduleChanged(Guid.NewGuid(), 1, village, true, 1, "主体完工", today.AddDays(-3), today.AddDays(-2), DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new ProjectScheduleChanged(Guid.NewGuid(), 1, village, false, null, null, null, null, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new ProjectScheduleChanged(Guid.NewGuid(), 1, other, true, 1, "主体完工", today.AddDays(-3), today.AddDays(-2), DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new VenueFundingChanged(county.UnitId, 2, county.Name, county.Code, county.Level, 100_000m, 40_000m, 60_000m, DateTimeOffset.UtcNow),
            Guid.NewGuid(), Ct);
        await app.PublishAsync(new VenueCampaignChanged(1, today.AddDays(30), "Asia/Shanghai", DateTimeOffset.UtcNow.AddDays(30), 20_000m, [], DateTimeOffset.UtcNow),
            Guid.NewGuid(), Ct);
        var countyA = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);

        var venues = await Eventually.ValueAsync(async () =>
            (await countyA.GetFromJsonAsync<JsonElement>("/api/dashboard/overview", Ct)).GetProperty("venues") is var group
            && group.GetProperty("countdown").ValueKind == JsonValueKind.Object && group.GetProperty("funding").ValueKind == JsonValueKind.Object
            && group.GetProperty("behindSchedule").GetInt32() == 1
                ? (JsonElement?)group
                : null, TimeSpan.FromSeconds(30));

        var funding = venues.GetProperty("funding");
        Assert.Equal((100_000m, 40_000m, 60_000m), (funding.GetProperty("pledged").GetDecimal(), funding.GetProperty("arrived").GetDecimal(), funding.GetProperty("gap").GetDecimal()));
        var countdown = venues.GetProperty("countdown");
        Assert.Equal((today.AddDays(30).ToString("yyyy-MM-dd"), 30, false, 3), (countdown.GetProperty("deadline").GetString(), countdown.GetProperty("daysLeft").GetInt32(),
            countdown.GetProperty("passed").GetBoolean(), countdown.GetProperty("villagesWithoutVenue").GetInt32()));
    }

    private static (Guid Id, string Code, string Name, string Level) Unit(DashboardApp app, string code, string name, string level) =>
        (app.Tree.Id(code), code, name, level);

    private static async Task<List<(Guid Id, string Code, string Name, string Level)>> AncestorsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("ancestors").EnumerateArray().Select(u =>
            (u.GetProperty("id").GetGuid(), u.GetProperty("code").GetString()!, u.GetProperty("name").GetString()!, u.GetProperty("level").GetString()!))];

    private static (decimal?, int?, decimal?, decimal?, decimal?, int, int, int) Headline(JsonElement child) =>
        (Decimal(child, "coveragePercent"), child.GetProperty("withoutVenue").GetInt32(), Decimal(child, "goodSharePercent"), Decimal(child, "oneShoulderPercent"),
            Decimal(child, "visitRatePercent"), child.GetProperty("blankSpots").GetInt32(), child.GetProperty("problemsOpen").GetInt32(),
            child.GetProperty("problemsOverdue").GetInt32());

    private static decimal? Decimal(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDecimal();
}
