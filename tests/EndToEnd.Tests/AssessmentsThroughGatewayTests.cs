using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>Assessments on the whole platform: a village graded 较差 reaches Personnel's watch list and the Dashboard, and a county's assessment score its ranking.</summary>
public sealed class AssessmentsThroughGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient City => platform.CityAdmin;

    [Fact]
    public async Task A_poor_result_reaches_the_watch_list_and_the_dashboard_and_a_county_score_reaches_the_ranking()
    {
        var tree = new TestTree();
        (await City.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(1), Ct)).EnsureSuccessStatusCode();
        var (county, village) = (await UnitIdAsync(tree.County), await UnitIdAsync(tree.Village(1)));
        var organization = (await GetJsonAsync($"/api/organizations/party-organization-codes/{tree.Village(1)}")).GetProperty("id").GetGuid();
        // Assessments grades the organisations it holds when a round opens.
        await Eventually.TrueAsync(async () => (await City.GetAsync($"/api/assessments/organizations/{organization}/gradings", Ct)).IsSuccessStatusCode, EventTimeout);
        var (round, year) = await OpenRoundAsync();

        var countyOperator = await platform.NewClientAsync("CountyOperator", tree.County, Ct);
        var entered = await countyOperator.PutAsJsonAsync($"/api/assessments/rounds/{round}/gradings/{organization}", new
        {
            grade = "Poor", evidence = "组织生活不正常，村务公开不到位",
            scores = new Dictionary<string, decimal> { ["team"] = 5, ["members"] = 4, ["venue"] = 3, ["institutions"] = 4, ["development"] = 5, ["satisfaction"] = 4 },
        }, Ct);
        Assert.True(entered.IsSuccessStatusCode, await entered.Content.ReadAsStringAsync(Ct));
        var grading = (await entered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        foreach (var step in new[] { "review", "decide" })
        {
            var taken = await countyOperator.PostAsJsonAsync($"/api/assessments/gradings/{grading}/{step}", step == "decide" ? new { grade = "Poor" } : (object)new { note = "情况属实" }, Ct);
            Assert.True(taken.IsSuccessStatusCode, $"{step}: {await taken.Content.ReadAsStringAsync(Ct)}");
        }

        var watched = await Eventually.ValueAsync(async () =>
            (await GetJsonAsync($"/api/personnel/watch-list?unitId={village}&source=Assessments")).GetProperty("items").EnumerateArray().SingleOrDefault() is { ValueKind: JsonValueKind.Object } entry
                ? entry : (JsonElement?)null, EventTimeout);
        Assert.Equal((grading, "Backward", JsonValueKind.Null),
            (watched.GetProperty("factId").GetGuid(), watched.GetProperty("kind").GetString(), watched.GetProperty("clearedOn").ValueKind));

        var figures = await Eventually.ValueAsync(async () =>
            await GetJsonAsync($"/api/dashboard/assessments/grading?year={year}&unitId={county}") is var found
            && found.GetProperty("unit").GetProperty("results").GetProperty("poor").GetInt32() == 1 ? found : (JsonElement?)null, EventTimeout);
        Assert.Equal(100.0m, figures.GetProperty("unit").GetProperty("poorShare").GetDecimal());

        // The county's assessment: its grading indicator scores 较差 at 100 % against the targets, and the Dashboard ranks it.
        var opened = await City.PostAsJsonAsync("/api/assessments/county-assessments", new { year }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var score = await GetJsonAsync($"/api/assessments/county-assessments/{year}/counties/{county}");
        var gradingPoints = score.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "grading");
        Assert.Equal(0m, gradingPoints.GetProperty("points").GetDecimal());
        var ranked = await Eventually.ValueAsync(async () =>
            (await countyOperator.GetFromJsonAsync<JsonElement>($"/api/dashboard/assessments/ranking?year={year}", Ct)).GetProperty("counties")
                .EnumerateArray().SingleOrDefault() is { ValueKind: JsonValueKind.Object } row ? row : (JsonElement?)null, EventTimeout);
        Assert.Equal((county, score.GetProperty("total").GetDecimal(), score.GetProperty("rank").GetInt32()),
            (ranked.GetProperty("countyId").GetGuid(), ranked.GetProperty("total").GetDecimal(), ranked.GetProperty("rank").GetInt32()));
    }

    /// <summary>A round of a year no round has yet (one round a year, over the organisations held when it opens); its id and year.</summary>
    private async Task<(Guid Round, int Year)> OpenRoundAsync()
    {
        for (var year = 2099; year > 2030; year--)
        {
            var response = await City.PostAsJsonAsync("/api/assessments/rounds", new { year }, Ct);
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
                return ((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid(), year);
            }
        }

        throw new InvalidOperationException("Every year from 2031 to 2099 has a round already.");
    }

    private async Task<Guid> UnitIdAsync(string code) => (await GetJsonAsync($"/api/organizations/unit-codes/{code}")).GetProperty("id").GetGuid();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await City.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
