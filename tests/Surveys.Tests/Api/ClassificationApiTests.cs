using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Evaluations counted as satisfaction, the rule's 好/中间/后进 published once per change, and an override winning over the rule.</summary>
public sealed class ClassificationApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Village1 = TestTree.VillageCode(TestTree.OtherTownshipCode, 1);

    private static readonly string Village2 = TestTree.VillageCode(TestTree.OtherTownshipCode, 2);

    [Fact]
    public async Task Satisfaction_counts_the_content_of_each_organisations_evaluations()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(unitCode: TestTree.OtherCountyCode);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        await EvaluateAsync(county, campaign, Village1, "Satisfied", "Satisfied");
        await EvaluateAsync(county, campaign, Village1, "BasicallySatisfied", "Dissatisfied");
        await EvaluateAsync(county, campaign, Village1, "Dissatisfied", "Satisfied");
        var outside = await county.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/evaluations",
            Evaluation(Village1, "Satisfied", "Satisfied", "2026-09-01"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var satisfaction = await county.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/satisfaction", Ct);
        var rows = satisfaction.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal((3, 66.7m, 66.7m), (rows[Village1].GetProperty("evaluations").GetInt32(),
            rows[Village1].GetProperty("organizationRate").GetDecimal(), rows[Village1].GetProperty("membersRate").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, rows[Village2].GetProperty("organizationRate").ValueKind);
    }

    [Fact]
    public async Task The_rule_classifies_and_publishes_each_change_once_and_an_override_wins_until_set_again()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 2, unitCode: TestTree.OtherCountyCode);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);
        // Village 1: both households visited, content: good. Village 2: one of two visited (50 %): backward.
        await Visits.RecordAsync(county, campaign, Village1, "H-1");
        await Visits.RecordAsync(county, campaign, Village1, "H-2");
        await Visits.RecordAsync(county, campaign, Village2, "H-1");
        await EvaluateAsync(county, campaign, Village1, "Satisfied", "Satisfied");
        await EvaluateAsync(county, campaign, Village2, "Satisfied", "Satisfied");

        var first = await ClassifyAsync(county, campaign);
        var again = await ClassifyAsync(county, campaign);

        Assert.Equal((1, 0, 1, 2), first);
        Assert.Equal((1, 0, 1, 0), again);
        var published = await app.PublishedAsync<OrganizationClassified>();
        Assert.Equal(2, published.Count);
        var backward = Assert.Single(published, e => e.Class == OrganizationClass.Backward);
        Assert.Equal((Village2, false, "入户率50.0%，低于70%"), (backward.OrganizationCode, backward.Overridden, backward.Reason));

        var overridden = await county.PostAsJsonAsync(
            $"/api/surveys/campaigns/{campaign}/classifications/{app.OrganizationId(Village2)}/override", new { @class = "Middling", reason = "外出务工户多，已电话回访" }, Ct);
        var afterOverride = await ClassifyAsync(county, campaign);

        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        Assert.Equal((1, 1, 0, 0), afterOverride);
        var last = (await app.PublishedAsync<OrganizationClassified>()).Last();
        Assert.Equal((OrganizationClass.Middling, true, 2L, "外出务工户多，已电话回访"), (last.Class, last.Overridden, last.Version, last.Reason));
        await using var db = app.OpenDb();
        var stored = await db.Classifications.SingleAsync(c => c.OrganizationId == app.OrganizationId(Village2), Ct);
        Assert.Equal((OrganizationClass.Backward, OrganizationClass.Middling), (stored.RuledClass, stored.Class));
    }

    [Fact]
    public async Task Problems_not_yet_closed_hold_an_organisation_back()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 1, unitCode: TestTree.OtherCountyCode);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);
        await Visits.RecordAsync(county, campaign, Village1, "H-1");
        await EvaluateAsync(county, campaign, Village1, "Satisfied", "Satisfied");
        for (var n = 0; n < 3; n++)
        {
            await Problems.RaiseAsync(county, campaign, Village1);
        }

        await ClassifyAsync(county, campaign);

        var classified = (await app.PublishedAsync<OrganizationClassified>()).Single(e => e.OrganizationCode == Village1);
        Assert.Equal((OrganizationClass.Backward, "未销号问题3个，达到3个"), (classified.Class, classified.Reason));
    }

    [Fact]
    public async Task A_county_classifies_its_own_organisations_only()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var result = await ClassifyAsync(county, campaign);
        var otherUnit = await county.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/classifications", new { unitId = app.Tree.Id(TestTree.CountyCode) }, Ct);

        Assert.Equal(2, result.Good + result.Middling + result.Backward);
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.Classifications.CountAsync(Ct));
    }

    private static object Evaluation(string code, string ofOrganization, string ofMembers, string on = "2026-06-05") =>
        new { organizationCode = code, evaluatedOn = on, ofOrganization, ofMembers, comment = "干部作风好" };

    private static async Task EvaluateAsync(HttpClient client, Guid campaign, string code, string ofOrganization, string ofMembers)
    {
        var response = await client.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/evaluations", Evaluation(code, ofOrganization, ofMembers), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<(int Good, int Middling, int Backward, int Changed)> ClassifyAsync(HttpClient client, Guid campaign)
    {
        var response = await client.PostAsJsonAsync($"/api/surveys/campaigns/{campaign}/classifications", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (result.GetProperty("good").GetInt32(), result.GetProperty("middling").GetInt32(), result.GetProperty("backward").GetInt32(),
            result.GetProperty("changed").GetInt32());
    }
}
