using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class VisitsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Village1 = TestTree.VillageCode(TestTree.TownshipCode, 1);

    [Fact]
    public async Task A_visit_counts_its_household_once_and_publishes_the_organisations_figures()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 4);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var first = await Visits.RecordAsync(county, campaign, Village1, "H-0001");
        var again = await Visits.RecordAsync(county, campaign, Village1, "H-0001");
        var laterDay = await Visits.RecordAsync(county, campaign, Village1, "H-0001", "2026-06-03");
        var second = await Visits.RecordAsync(county, campaign, Village1, "H-0002");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Created),
            (first.StatusCode, again.StatusCode, laterDay.StatusCode, second.StatusCode));
        var organizations = await county.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/organizations?code={Village1}", Ct);
        var organization = organizations.GetProperty("items")[0];
        Assert.Equal((2, 50.0m), (organization.GetProperty("visitedHouseholds").GetInt32(), organization.GetProperty("visitRate").GetDecimal()));
        await using var db = app.OpenDb();
        Assert.Equal(3, await db.Visits.CountAsync(Ct));
        // One event per change of the figures: the first household, then the second; the repeat and the second day of H-0001 move nothing.
        var published = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Where(e => e.OrganizationCode == Village1).ToList();
        Assert.Equal([1, 2], published.Select(e => e.VisitedHouseholds));
        Assert.Equal([3, 4], published.Select(e => e.Version)); // version 2 was the households entered at set-up
    }

    [Fact]
    public async Task Bad_visits_are_refused_naming_the_field_and_change_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 1);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await Visits.RecordAsync(client, campaign, Village1, "H-1")).StatusCode);

        var outsideCampaign = await Visits.RecordAsync(client, campaign, "610599001201", "H-2");
        var outsidePeriod = await Visits.RecordAsync(client, campaign, TestTree.VillageCode(TestTree.TownshipCode, 2), "H-2", "2026-09-01");
        var moreThanItHas = await Visits.RecordAsync(client, campaign, Village1, "H-2");

        await AssertRefusedAsync(outsideCampaign, "organizationCode", "610599001201");
        await AssertRefusedAsync(outsidePeriod, "visitedOn", "2026-09-01");
        await AssertRefusedAsync(moreThanItHas, "householdKey", "All 1 households");
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Visits.CountAsync(Ct));
    }

    [Fact]
    public async Task Households_cannot_be_set_below_those_already_visited()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: null);
        var client = app.CreateClient();
        await Visits.RecordAsync(client, campaign, Village1, "H-1");
        await Visits.RecordAsync(client, campaign, Village1, "H-2");
        var path = $"/api/surveys/campaigns/{campaign}/organizations/{app.OrganizationId(Village1)}/households";

        var tooFew = await client.PutAsJsonAsync(path, new { households = 1 }, Ct);
        var enough = await client.PutAsJsonAsync(path, new { households = 8 }, Ct);

        await AssertRefusedAsync(tooFew, "households", "2 distinct households");
        Assert.Equal(HttpStatusCode.OK, enough.StatusCode);
        var organization = await enough.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((8, 25.0m), (organization.GetProperty("households").GetInt32(), organization.GetProperty("visitRate").GetDecimal()));
    }

    [Fact]
    public async Task Households_are_masked_in_lists_and_unmasked_only_to_a_personnel_officer_of_the_county_with_an_audit_entry()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        await Visits.RecordAsync(app.CreateClient(), campaign, Village1, "LW-2026-0421");

        var list = await app.CreateClientAs(PlatformRoles.PersonnelOfficer, TestTree.CountyCode)
            .GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/visits", Ct);
        var visit = list.GetProperty("items")[0];
        Assert.Equal(("********0421", "王**", "139****5678"),
            (visit.GetProperty("householdKey").GetString(), visit.GetProperty("householdName").GetString(), visit.GetProperty("phone").GetString()));
        var path = $"/api/surveys/visits/{visit.GetProperty("id").GetInt64()}/household";

        var administrator = await app.CreateClient().GetAsync(path, Ct);
        var officerElsewhere = await app.CreateClientAs(PlatformRoles.PersonnelOfficer, TestTree.OtherCountyCode).GetAsync(path, Ct);
        var officer = await app.CreateClientAs(PlatformRoles.PersonnelOfficer, TestTree.CountyCode).GetAsync(path, Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK), (administrator.StatusCode, officerElsewhere.StatusCode, officer.StatusCode));
        var unmasked = await officer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("LW-2026-0421", "王建国", "13912345678"),
            (unmasked.GetProperty("householdKey").GetString(), unmasked.GetProperty("householdName").GetString(), unmasked.GetProperty("phone").GetString()));
        await using var db = app.OpenDb();
        var look = await db.Set<AuditEntry>().SingleAsync(a => a.Action == AuditedReads.ReadAction, Ct);
        Assert.Equal(("Visit", TestTree.CountyCode), (look.EntityType, look.ActorUnit));
        var write = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == "Visit" && a.Action != AuditedReads.ReadAction, Ct);
        Assert.DoesNotContain("LW-2026-0421", write.Changes);
        Assert.DoesNotContain("13912345678", write.Changes);
    }

    [Fact]
    public async Task Another_countys_organisations_and_visits_do_not_exist_for_a_county()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var otherVillage = TestTree.VillageCode(TestTree.OtherTownshipCode, 1);
        await Visits.RecordAsync(app.CreateClient(), campaign, otherVillage, "HZ-1");
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var write = await Visits.RecordAsync(county, campaign, otherVillage, "HZ-2");
        var households = await county.PutAsJsonAsync(
            $"/api/surveys/campaigns/{campaign}/organizations/{app.OrganizationId(otherVillage)}/households", new { households = 5 }, Ct);
        var visits = await county.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/visits", Ct);
        var organizations = await county.GetFromJsonAsync<JsonElement>($"/api/surveys/campaigns/{campaign}/organizations?pageSize=100", Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (write.StatusCode, households.StatusCode));
        Assert.Equal(0, visits.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain(organizations.GetProperty("items").EnumerateArray(), o => o.GetProperty("code").GetString() == otherVillage);
        Assert.Equal(7, organizations.GetProperty("totalCount").GetInt32()); // 临渭区: six villages and a community
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Visits.CountAsync(Ct));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(detail, message);
    }
}
