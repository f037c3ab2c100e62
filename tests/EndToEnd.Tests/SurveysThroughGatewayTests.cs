using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>
/// Surveys on the whole platform: Party organisations from Organizations reach its copy, a county's bulk upload
/// through the gateway moves the county's figures on the Dashboard, and a 后进 village reaches Personnel's watch list.
/// </summary>
public sealed class SurveysThroughGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient City => platform.CityAdmin;

    [Fact]
    public async Task A_countys_upload_reaches_the_Dashboards_figures_and_a_backward_village_reaches_Personnels_watch_list()
    {
        var tree = new TestTree();
        (await City.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(2), Ct)).EnsureSuccessStatusCode();
        var county = await UnitIdAsync(tree.County);
        // Planned once Surveys' copy of the tree holds the county; until then the unit is unknown (400) and nothing is written.
        var campaign = await Eventually.ValueAsync(async () =>
        {
            var planned = await City.PostAsJsonAsync("/api/surveys/campaigns", new
            {
                name = "端到端入户走访", unitId = county, startsOn = Today.AddDays(-2), endsOn = Today.AddDays(30),
            }, Ct);
            return planned.StatusCode == HttpStatusCode.Created ? (await planned.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid() : (Guid?)null;
        }, EventTimeout);
        // The villages' Party organisations may reach Surveys' copy after the units: each joins the scope once it is there.
        var organizations = new Dictionary<string, Guid>();
        foreach (var code in new[] { tree.Village(1), tree.Village(2) })
        {
            organizations[code] = await Eventually.ValueAsync(async () => await InScopeAsync(campaign, code), EventTimeout);
            var households = await City.PutAsJsonAsync($"/api/surveys/campaigns/{campaign}/organizations/{organizations[code]}/households", new { households = 10 }, Ct);
            Assert.Equal(HttpStatusCode.OK, households.StatusCode);
        }

        var countySystem = await platform.NewClientAsync("CountyOperator", tree.County, Ct);
        var lines = Enumerable.Range(1, 3).Select(h => JsonSerializer.Serialize(new
        {
            organizationCode = tree.Village(1), householdKey = $"E2E-{h:D4}", visitedOn = Today.AddDays(-1), visitor = "李干部", said = "希望修通村道",
        }));
        using var upload = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        upload.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-ndjson");
        var ingest = await countySystem.PostAsync($"/api/surveys/campaigns/{campaign}/ingests", upload, Ct);

        Assert.True(ingest.IsSuccessStatusCode, $"{(int)ingest.StatusCode} {await ingest.Content.ReadAsStringAsync(Ct)}");
        // The campaign reaches the Dashboard by its own event: until it has, the Dashboard does not know it (404).
        var figures = await Eventually.ValueAsync(async () =>
            await TryGetJsonAsync($"/api/dashboard/surveys/figures?campaignId={campaign}&unitId={county}") is { } f
            && f.GetProperty("unit").GetProperty("visitedHouseholds").GetInt64() == 3 ? f : (JsonElement?)null, EventTimeout);
        var unit = figures.GetProperty("unit");
        Assert.Equal((2, 20L, 15.0m, 1), (unit.GetProperty("organizations").GetInt32(), unit.GetProperty("households").GetInt64(),
            unit.GetProperty("visitRate").GetDecimal(), unit.GetProperty("blankSpots").GetInt32()));

        var village2 = await UnitIdAsync(tree.Village(2));
        var backward = await countySystem.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/classifications/{organizations[tree.Village(2)]}/override",
            new { @class = "Backward", reason = "班子软弱涣散，群众意见大" }, Ct);
        Assert.Equal(HttpStatusCode.OK, backward.StatusCode);
        var entry = await Eventually.ValueAsync(async () =>
            (await GetJsonAsync($"/api/personnel/watch-list?unitId={village2}")).GetProperty("items").EnumerateArray()
            .FirstOrDefault(e => e.GetProperty("source").GetString() == "Surveys") is { ValueKind: JsonValueKind.Object } found ? found : (JsonElement?)null, EventTimeout);
        Assert.Equal("Backward", entry.GetProperty("kind").GetString());
        Assert.Contains("班子软弱涣散", entry.GetProperty("reason").GetString());
        var wanted = await GetJsonAsync($"/api/personnel/first-secretaries/wanted?unitId={county}");
        Assert.Contains(wanted.GetProperty("items").EnumerateArray(), v => v.GetProperty("villageId").GetGuid() == village2);
    }

    /// <summary>The organisation's id once it is in the campaign's scope: added by its code as soon as Surveys' copy holds it.</summary>
    private async Task<Guid?> InScopeAsync(Guid campaign, string code)
    {
        var listed = await GetJsonAsync($"/api/surveys/campaigns/{campaign}/organizations?code={code}");
        if (listed.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } organization)
        {
            return organization.GetProperty("organizationId").GetGuid();
        }

        await City.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/organizations", new { organizationCode = code }, Ct);
        return null;
    }

    private async Task<Guid> UnitIdAsync(string code) => (await GetJsonAsync($"/api/organizations/unit-codes/{code}")).GetProperty("id").GetGuid();

    private async Task<JsonElement?> TryGetJsonAsync(string path)
    {
        using var response = await City.GetAsync(path, Ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : null;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await City.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
