using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

/// <summary>Venues on the whole platform: its copy of the tree from Organizations, its facts reaching the Dashboard.</summary>
[Collection(CampaignTerms.Collection)]
public sealed class VenuesThroughGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Gateway => platform.CityAdmin;

    /// <summary>A day that is over in the city whatever the machine's zone: every state change may be dated then.</summary>
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    [Fact]
    public async Task Accepting_the_last_missing_venue_of_a_township_brings_it_to_full_coverage_on_the_dashboard()
    {
        var tree = new TestTree();
        var (township, villages) = await ImportAsync(tree, villages: 2);
        await RecordBaselineAsync((villages[0], true), (villages[1], false));
        var half = await GetJsonAsync($"/api/venues/coverage/{township}");
        Assert.Equal((2, 1, 50.0m), (half.GetProperty("villages").GetInt32(), half.GetProperty("villagesWithVenue").GetInt32(), half.GetProperty("coveragePercent").GetDecimal()));

        var planned = await Gateway.PostAsJsonAsync("/api/venues/venues", new
        {
            villageId = villages[1], kind = "NewBuild", floorArea = 320.5m, functions = new[] { "PartyActivity", "ConvenienceServices" },
            rooms = new[] { "CultureRoom", "Clinic" }, plannedOn = Yesterday,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var venue = (await planned.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        foreach (var state in new[] { "UnderConstruction", "Completed", "Accepted" })
        {
            var moved = await Gateway.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state, on = Yesterday }, Ct);
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        }

        var full = await GetJsonAsync($"/api/venues/coverage/{township}");
        Assert.Equal((2, 100.0m), (full.GetProperty("villagesWithVenue").GetInt32(), full.GetProperty("coveragePercent").GetDecimal()));
        var onDashboard = await Eventually.ValueAsync(async () =>
                (await GetJsonAsync("/api/dashboard/venues/coverage?level=Township")).GetProperty("items").EnumerateArray()
                .Where(u => u.GetProperty("unitId").GetGuid() == township && u.GetProperty("coveragePercent").GetDecimal() == 100m)
                .Select(u => (JsonElement?)u).FirstOrDefault(),
            EventTimeout);
        Assert.Equal(2, onDashboard.GetProperty("villagesWithVenue").GetInt32());

        var funding = await GetJsonAsync($"/api/venues/venues/{venue}/funding");
        Assert.Contains("CitySubsidy", funding.GetRawText());
    }

    [Fact]
    public async Task A_passed_deadline_holds_the_short_township_and_county_to_account_once()
    {
        var tree = new TestTree();
        var (township, villages) = await ImportAsync(tree, villages: 2);
        await RecordBaselineAsync((villages[0], true), (villages[1], false));
        var campaign = await GetJsonAsync("/api/venues/campaign");

        var moved = await Gateway.PutAsJsonAsync("/api/venues/campaign", new
        {
            deadline = Yesterday.AddDays(-1),
            timeZone = campaign.GetProperty("timeZone").GetString(),
            citySubsidyPerNewBuild = campaign.GetProperty("citySubsidyPerNewBuild").GetDecimal(),
            milestones = campaign.GetProperty("milestones"),
        }, Ct);
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        var first = await CheckDeadlineAsync();
        var second = await CheckDeadlineAsync();

        Assert.Equal(first.GetProperty("reckonedAt").GetDateTimeOffset(), second.GetProperty("reckonedAt").GetDateTimeOffset());
        var shortfall = first.GetProperty("shortfalls").EnumerateArray().Single(s => s.GetProperty("unitId").GetGuid() == township);
        Assert.Contains("测试镇", shortfall.GetProperty("reason").GetString());
        var county = (await GetJsonAsync($"/api/organizations/unit-codes/{tree.County}")).GetProperty("id").GetGuid();
        var facts = await Eventually.ValueAsync(async () =>
            {
                var all = (await GetJsonAsync("/api/dashboard/venues/deadline-facts")).EnumerateArray()
                    .Where(f => f.GetProperty("unitId").GetGuid() == township || f.GetProperty("unitId").GetGuid() == county).ToList();
                return all.Count >= 2 ? all : null;
            },
            EventTimeout);
        Assert.Equal(new[] { county, township }.Order(), facts.Select(f => f.GetProperty("unitId").GetGuid()).Order());
        Assert.Equal(shortfall.GetProperty("reason").GetString(), facts.Single(f => f.GetProperty("unitId").GetGuid() == township).GetProperty("reason").GetString());
    }

    private async Task<JsonElement> CheckDeadlineAsync()
    {
        var response = await Gateway.PostAsync("/api/venues/deadline/check", null, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("passed").GetBoolean());
        return body;
    }

    /// <summary>Imports the tree into Organizations and waits until Venues' copy has its township with every village.</summary>
    private async Task<(Guid Township, Guid[] Villages)> ImportAsync(TestTree tree, int villages)
    {
        (await Gateway.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(villages), Ct)).EnsureSuccessStatusCode();
        var township = (await GetJsonAsync($"/api/organizations/unit-codes/{tree.Township}")).GetProperty("id").GetGuid();
        var ids = new Guid[villages];
        for (var n = 1; n <= villages; n++)
        {
            ids[n - 1] = (await GetJsonAsync($"/api/organizations/unit-codes/{tree.Village(n)}")).GetProperty("id").GetGuid();
        }

        await Eventually.TrueAsync(
            async () => await Gateway.GetAsync($"/api/venues/coverage/{township}", Ct) is { IsSuccessStatusCode: true } response
                        && (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("villages").GetInt32() == villages,
            EventTimeout);
        return (township, ids);
    }

    private async Task RecordBaselineAsync(params (Guid Village, bool HasUsableVenue)[] villages)
    {
        var response = await Gateway.PutAsJsonAsync("/api/venues/baseline/villages",
            new { villages = villages.Select(v => new { villageId = v.Village, hasUsableVenue = v.HasUsableVenue }) }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Gateway.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
