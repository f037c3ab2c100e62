using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Ledger bodies and writes the tests share.</summary>
public static class Problems
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Body(string organizationCode, string category = "infrastructure", string raisedOn = "2026-06-05", string said = "村道坑洼，雨天难行") =>
        new { organizationCode, kind = "Problem", category, raisedOn, said };

    public static Task<HttpResponseMessage> RaiseAsync(HttpClient client, Guid campaign, object body) =>
        client.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/problems", body, Ct);

    /// <summary>The id of a problem raised; a refusal fails the test with the service's answer.</summary>
    public static async Task<Guid> RaiseAsync(HttpClient client, Guid campaign, string organizationCode, string category = "infrastructure", string raisedOn = "2026-06-05")
    {
        var response = await RaiseAsync(client, campaign, Body(organizationCode, category, raisedOn));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid problem, string step, object? body = null) =>
        client.PostAsJsonAsync($"/api/surveys/problems/{problem}/{step}", body ?? new { }, Ct);

    public static object Assignment(Guid responsibleUnitId, string deadline = "2026-07-31") => new { responsibleUnitId, deadline, note = "限期整改" };

    /// <summary>Takes the steps up to and including <paramref name="last"/> (assign, start, resolve, verify), as <paramref name="client"/>.</summary>
    public static async Task AdvanceAsync(HttpClient client, Guid problem, Guid responsibleUnitId, string last, string deadline = "2026-07-31")
    {
        string[] steps = ["assign", "start", "resolve", "verify"];
        foreach (var step in steps[..(Array.IndexOf(steps, last) + 1)])
        {
            var response = await StepAsync(client, problem, step, step == "assign" ? Assignment(responsibleUnitId, deadline) : null);
            Assert.True(response.IsSuccessStatusCode, $"{step}: {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    /// <summary>A 400 naming <paramref name="field"/> with a message that says <paramref name="detail"/>.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(detail, problem.GetProperty("errors").GetProperty(field)[0].GetString()!);
    }
}
