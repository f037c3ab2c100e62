using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Security;

namespace PartyPlatform.Dashboard.Tests.Api;

public sealed class VillagePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_villages_page_shows_its_venue_grade_visits_and_problems_to_its_county_and_is_not_found_elsewhere()
    {
        await using var app = await DashboardApp.StartAsync();
        await OverviewFacts.PublishAsync(app, Ct);
        var path = $"/api/dashboard/villages/{app.Tree.Id(DashboardTree.VillageCode)}";

        var page = await app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode).GetFromJsonAsync<JsonElement>(path, Ct);

        Assert.Equal("东1村", page.GetProperty("unit").GetProperty("name").GetString());
        // The breadcrumb starts at the caller's county, never above it.
        Assert.Equal([DashboardTree.CountyCode, DashboardTree.TownshipCode],
            page.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var venue = page.GetProperty("venue");
        Assert.Equal((true, "InUse", "NewBuild", 180m), (venue.GetProperty("hasUsableVenue").GetBoolean(), venue.GetProperty("state").GetString(),
            venue.GetProperty("kind").GetString(), venue.GetProperty("floorArea").GetDecimal()));
        Assert.Equal((1, 1), (page.GetProperty("graduates").GetProperty("serving").GetInt32(), page.GetProperty("graduates").GetProperty("endingWithoutExit").GetInt32()));
        var grading = page.GetProperty("grading");
        Assert.Equal((2026, "Good", true), (grading.GetProperty("year").GetInt32(), grading.GetProperty("grade").GetString(), grading.GetProperty("decided").GetBoolean()));
        var survey = page.GetProperty("survey");
        Assert.Equal((200L, 50L, 25.0m, false, "Good"), (survey.GetProperty("households").GetInt64(), survey.GetProperty("householdsVisited").GetInt64(),
            survey.GetProperty("visitRatePercent").GetDecimal(), survey.GetProperty("blankSpot").GetBoolean(), survey.GetProperty("class").GetString()));
        var problems = page.GetProperty("problems");
        Assert.Equal((1, 1, 1), (problems.GetProperty("open").GetInt32(), problems.GetProperty("overdue").GetInt32(), problems.GetProperty("closed").GetInt32()));
        Assert.Equal(["Assigned", "Closed"], problems.GetProperty("byStage").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode).GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/dashboard/villages/{Guid.NewGuid()}", Ct)).StatusCode);

        // County B's village has no venue and no project: the page says so, rather than nothing.
        var without = (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/dashboard/villages/{app.Tree.Id(DashboardTree.OtherVillageCode)}", Ct))
            .GetProperty("venue");
        Assert.Equal((false, JsonValueKind.Null), (without.GetProperty("hasUsableVenue").GetBoolean(), without.GetProperty("venueId").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/dashboard/villages/{app.Tree.Id(DashboardTree.TownshipCode)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_village_without_facts_has_an_empty_page()
    {
        await using var app = await DashboardApp.StartAsync();

        var page = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/dashboard/villages/{app.Tree.Id(DashboardTree.OtherVillageCode)}", Ct);

        Assert.Equal(JsonValueKind.Null, page.GetProperty("venue").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("grading").GetProperty("grade").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("survey").GetProperty("campaign").ValueKind);
        Assert.Empty(page.GetProperty("problems").GetProperty("byStage").EnumerateArray());
    }
}
