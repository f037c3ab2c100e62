using System.Net.Http.Json;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Visit bodies and writes the tests share.</summary>
public static class Visits
{
    public static object Body(string organizationCode, string householdKey, string visitedOn = "2026-06-02", string? said = "希望修通村道") => new
    {
        organizationCode,
        householdKey,
        householdName = "王建国",
        phone = "13912345678",
        visitedOn,
        visitor = "李干部",
        said,
    };

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid campaign, string organizationCode, string householdKey, string visitedOn = "2026-06-02") =>
        client.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/visits", Body(organizationCode, householdKey, visitedOn), TestContext.Current.CancellationToken);
}
