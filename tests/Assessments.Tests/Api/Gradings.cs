using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>Calls the grading tests share: a round, a self-assessment and the steps after it.</summary>
public static class Gradings
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A score on every configured indicator (the service's appsettings), 10 each.</summary>
    public static Dictionary<string, decimal> Scores(decimal each = 10) =>
        new[] { "team", "members", "venue", "institutions", "development", "satisfaction" }.ToDictionary(code => code, _ => each);

    public static object SelfAssessment(string grade = "Good") => new { grade, scores = Scores(), evidence = "组织生活会记录齐全，村务公开到位" };

    public static async Task<Guid> OpenRoundAsync(HttpClient city, int year = 2026)
    {
        var response = await city.PostAsJsonAsync("/api/assessments/rounds", new { year }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SelfAssessAsync(HttpClient caller, Guid round, Guid organization, string grade = "Good")
    {
        var response = await caller.PutAsJsonAsync($"/api/assessments/rounds/{round}/gradings/{organization}", SelfAssessment(grade), Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient caller, Guid grading, string step, object? body = null) =>
        await caller.PostAsJsonAsync($"/api/assessments/gradings/{grading}/{step}", body ?? new { }, Ct);

    /// <summary>A grading taken from self-assessment up to and including <paramref name="last"/> (review, decide or file), by the city.</summary>
    public static async Task<Guid> GradedAsync(HttpClient city, Guid round, Guid organization, string grade = "Good", string? last = "decide")
    {
        var id = (await SelfAssessAsync(city, round, organization, grade)).GetProperty("id").GetGuid();
        foreach (var step in new[] { "review", "decide", "file" })
        {
            if (last is null)
            {
                break;
            }

            var response = await StepAsync(city, id, step, step == "decide" ? new { grade } : null);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            if (step == last)
            {
                break;
            }
        }

        return id;
    }
}
