using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>The city's inspection groups check visits again; findings are summed per county.</summary>
public sealed class SpotChecksApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Spot_checks_are_the_citys_and_their_findings_sum_per_county()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClientAs(PlatformRoles.CityOperator, TestTree.CityCode);
        var path = $"/api/surveys/campaigns/{campaign}/spot-checks";

        var clean = await city.PostAsJsonAsync(path, Check(TestTree.VillageCode(TestTree.TownshipCode, 1), 10, 10, null), Ct);
        var short1 = await city.PostAsJsonAsync(path, Check(TestTree.VillageCode(TestTree.TownshipCode, 2), 10, 7, "三户称未入户"), Ct);
        var byCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode).PostAsJsonAsync(path,
            Check(TestTree.VillageCode(TestTree.TownshipCode, 3), 5, 5, null), Ct);
        var impossible = await city.PostAsJsonAsync(path, Check(TestTree.VillageCode(TestTree.TownshipCode, 3), 5, 6, null), Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest),
            (clean.StatusCode, short1.StatusCode, byCounty.StatusCode, impossible.StatusCode));
        var problem = await impossible.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("householdsConfirmed", out _));
        var counties = await city.GetFromJsonAsync<JsonElement>($"{path}/by-county", Ct);
        var rows = counties.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("unitName").GetString()!);
        Assert.Equal((2, 20, 17, 85.0m, 1), (rows["临渭区"].GetProperty("checks").GetInt32(), rows["临渭区"].GetProperty("householdsChecked").GetInt32(),
            rows["临渭区"].GetProperty("householdsConfirmed").GetInt32(), rows["临渭区"].GetProperty("confirmationRate").GetDecimal(),
            rows["临渭区"].GetProperty("withFindings").GetInt32()));
        Assert.Equal(0, rows["华州区"].GetProperty("checks").GetInt32());
        var other = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetFromJsonAsync<JsonElement>(path, Ct);
        Assert.Equal(0, other.GetProperty("totalCount").GetInt32());
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.SpotChecks.CountAsync(Ct));
    }

    private static object Check(string code, int householdsChecked, int householdsConfirmed, string? findings) => new
    {
        organizationCode = code, checkedOn = "2026-07-01", inspectionGroup = "市委第一督导组", householdsChecked, householdsConfirmed, findings,
    };
}
