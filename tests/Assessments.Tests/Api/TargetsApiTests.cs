using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>The city's targets, each county's own no looser, a grade per village, and the results against them.</summary>
public sealed class TargetsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_starts_with_the_citys_configured_targets_and_publishes_them()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var round = await Gradings.OpenRoundAsync(app.CreateClient());

        var targets = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/targets", Ct);

        Assert.Equal((30m, 20m), (targets.GetProperty("city").GetProperty("goodShareAtLeast").GetDecimal(), targets.GetProperty("city").GetProperty("poorShareAtMost").GetDecimal()));
        var published = Assert.Single(await app.PublishedAsync<GradingTargetsChanged>());
        Assert.Equal((round, 2026, app.Tree.Id(TestTree.CityCode), 30m, 20m, 1L),
            (published.RoundId, published.Year, published.UnitId, published.GoodShareAtLeast, published.PoorShareAtMost, published.Version));
    }

    [Fact]
    public async Task A_county_sets_its_own_targets_no_looser_than_the_citys_and_the_city_cannot_pass_them()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var round = await Gradings.OpenRoundAsync(city);
        var path = $"/api/assessments/rounds/{round}/targets/counties/{app.Tree.Id(TestTree.CountyCode)}";

        await Problems.AssertRefusedAsync(await county.PutAsJsonAsync(path, new { goodShareAtLeast = 25, poorShareAtMost = 15 }, Ct), "goodShareAtLeast");
        await Problems.AssertRefusedAsync(await county.PutAsJsonAsync(path, new { goodShareAtLeast = 35, poorShareAtMost = 25 }, Ct), "poorShareAtMost");
        await Problems.AssertRefusedAsync(await county.PutAsJsonAsync(path, new { goodShareAtLeast = 35.25, poorShareAtMost = 15 }, Ct), "goodShareAtLeast");
        // The county is above a township: not in its unit, so not found, as for any unit outside it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode)
            .PutAsJsonAsync(path, new { goodShareAtLeast = 40, poorShareAtMost = 10 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode)
            .PutAsJsonAsync(path, new { goodShareAtLeast = 40, poorShareAtMost = 10 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await county.PutAsJsonAsync(path, new { goodShareAtLeast = 40, poorShareAtMost = 10 }, Ct)).StatusCode);
        var tighter = await city.PutAsJsonAsync($"/api/assessments/rounds/{round}/targets/city", new { goodShareAtLeast = 45, poorShareAtMost = 20 }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, tighter.StatusCode);
        Assert.Contains("临渭区", await tighter.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.Equal(new[] { (30m, 20m), (40m, 10m) }, await db.Targets.OrderBy(t => t.GoodShareAtLeast).Select(t => new ValueTuple<decimal, decimal>(t.GoodShareAtLeast, t.PoorShareAtMost)).ToListAsync(Ct));
        Assert.Equal(2, (await app.PublishedAsync<GradingTargetsChanged>()).Count);
    }

    [Fact]
    public async Task Results_are_measured_against_each_countys_targets_and_villages_below_their_target_grade_are_listed()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        (await city.PutAsJsonAsync($"/api/assessments/rounds/{round}/targets/counties/{app.Tree.Id(TestTree.OtherCountyCode)}",
            new { goodShareAtLeast = 50, poorShareAtMost = 0 }, Ct)).EnsureSuccessStatusCode();
        // County A: 好, 较好, 一般, 较差 → 50 % good or fairly good, 25 % poor: misses the city's 20 %.
        var grades = new[] { "Good", "FairlyGood", "Average", "Poor" };
        for (var n = 0; n < 4; n++)
        {
            var code = n < 3 ? TestTree.VillageCode(TestTree.TownshipCode, n + 1) : TestTree.VillageCode(TestTree.SecondTownshipCode, 1);
            await Gradings.GradedAsync(city, round, app.OrganizationId(code), grades[n]);
        }

        // County B: 好 and 一般 → 50 %, none poor: meets its own 50 % / 0 %.
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 1)), "Good");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 2)), "Average");
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        foreach (var (n, grade) in new[] { (3, "FairlyGood"), (2, "FairlyGood") })
        {
            (await county.PutAsJsonAsync($"/api/assessments/rounds/{round}/targets/villages/{app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, n))}",
                new { grade }, Ct)).EnsureSuccessStatusCode();
        }

        var whole = await city.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/targets", Ct);
        var below = await county.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/targets/villages?below=true", Ct);

        var counties = whole.GetProperty("counties").EnumerateArray().ToList();
        Assert.Equal(("临渭区", false, 50.0m, 25.0m, false, 1), Progress(counties[0]));
        Assert.Equal(("华州区", true, 50.0m, 0.0m, true, 0), Progress(counties[1]));
        Assert.Equal(("渭南市", false, 50.0m, 16.7m, true, 1), Progress(whole.GetProperty("unit")));
        Assert.Equal([TestTree.VillageCode(TestTree.TownshipCode, 3)],
            below.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("organizationCode").GetString()).ToList());
        Assert.Equal(("FairlyGood", "Average"), (below.GetProperty("items")[0].GetProperty("targetGrade").GetString(), below.GetProperty("items")[0].GetProperty("grade").GetString()));
    }

    private static (string?, bool, decimal?, decimal?, bool?, int) Progress(JsonElement unit) => (
        unit.GetProperty("unitName").GetString(), unit.GetProperty("ownTargets").GetBoolean(), unit.GetProperty("goodShare").GetDecimal(),
        unit.GetProperty("poorShare").GetDecimal(), unit.GetProperty("met").GetBoolean(), unit.GetProperty("belowTargetGrade").GetInt32());
}
