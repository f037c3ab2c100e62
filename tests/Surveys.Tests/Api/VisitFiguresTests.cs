using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class VisitFiguresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Figures_sum_the_organisations_of_each_township_county_and_the_city()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 10);
        var client = app.CreateClient();
        for (var h = 1; h <= 5; h++)
        {
            await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.TownshipCode, 1), $"H-{h}");
        }

        await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.SecondTownshipCode, 1), "H-1");
        await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 1), "H-1");

        var township = await client.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/figures/{app.Tree.Id(TestTree.TownshipCode)}", Ct);
        var counties = await client.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/figures", Ct);

        // 东镇: three villages and a community, 40 households, 5 visited; three never visited.
        Assert.Equal((4, 40L, 5L, 12.5m, 3), Figures(township));
        var byCounty = counties.GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("unitName").GetString()!, Figures);
        Assert.Equal((7, 70L, 6L, 8.6m, 5), byCounty["临渭区"]);
        Assert.Equal((2, 20L, 1L, 5.0m, 1), byCounty["华州区"]);
    }

    [Fact]
    public async Task The_gaps_view_lists_blank_spots_first_then_organisations_under_the_floor()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 2);
        var client = app.CreateClient();
        // The floor is 90 %: one of two households visited is under it, both are not.
        await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 1), "H-1");
        await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 2), "H-1");
        await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 2), "H-2");

        var gaps = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode)
            .GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/gaps", Ct);

        var only = Assert.Single(gaps.GetProperty("items").EnumerateArray());
        Assert.Equal((TestTree.VillageCode(TestTree.OtherTownshipCode, 1), false, 50.0m),
            (only.GetProperty("code").GetString(), only.GetProperty("blankSpot").GetBoolean(), only.GetProperty("visitRate").GetDecimal()));
        var city = await client.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/gaps?pageSize=3", Ct);
        Assert.Equal(8, city.GetProperty("totalCount").GetInt32()); // seven blank spots of 临渭区 and the one under the floor
        Assert.All(city.GetProperty("items").EnumerateArray(), g => Assert.True(g.GetProperty("blankSpot").GetBoolean()));
    }

    [Fact]
    public async Task A_county_reads_no_figures_of_another_county_or_of_a_campaign_it_is_not_in()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var other = await county.GetAsync($"/api/surveys/campaigns/{campaign}/figures/{app.Tree.Id(TestTree.OtherCountyCode)}", Ct);
        var own = await county.GetAsync($"/api/surveys/campaigns/{campaign}/figures/{app.Tree.Id(TestTree.CountyCode)}", Ct);
        var missing = await county.GetAsync($"/api/surveys/campaigns/{Guid.NewGuid()}/figures/{app.Tree.Id(TestTree.CountyCode)}", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound), (other.StatusCode, own.StatusCode, missing.StatusCode));
    }

    private static (int Organizations, long Households, long Visited, decimal? Rate, int BlankSpots) Figures(JsonElement f) =>
        (f.GetProperty("organizations").GetInt32(), f.GetProperty("households").GetInt64(), f.GetProperty("visitedHouseholds").GetInt64(),
            f.GetProperty("visitRate").ValueKind == JsonValueKind.Null ? null : f.GetProperty("visitRate").GetDecimal(), f.GetProperty("blankSpots").GetInt32());
}
