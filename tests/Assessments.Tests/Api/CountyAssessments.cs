using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>Calls the county assessment tests share.</summary>
public static class CountyAssessments
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An indicator set of an entered indicator and the venue coverage, with the venue deadline deducting 10.</summary>
    public static object Indicators(decimal entered, decimal venues) => new
    {
        indicators = new object[]
        {
            new { code = "responsibility", name = "抓党建责任", weight = entered, source = "Entered" },
            new { code = "venues", name = "活动场所建设", weight = venues, source = "VenueCoverage" },
        },
        deductions = new object[] { new { code = "venue-deadline", name = "活动场所建设未按期完成", points = 10, fact = "VenueDeadlineMissed" } },
    };

    public static async Task OpenAsync(HttpClient city, int year = 2026)
    {
        var response = await city.PostAsJsonAsync("/api/assessments/county-assessments", new { year }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<JsonElement> ScoreAsync(HttpClient caller, Guid county, int year = 2026) =>
        await caller.GetFromJsonAsync<JsonElement>($"/api/assessments/county-assessments/{year}/counties/{county}", Ct);

    public static decimal Points(JsonElement score, string code) =>
        score.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("points").GetDecimal();
}
