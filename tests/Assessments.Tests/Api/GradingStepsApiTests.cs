using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>A village's grading from its township's self-assessment to the city's filing, each step by its level, recorded and published.</summary>
public sealed class GradingStepsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Township_enters_and_reviews_county_decides_city_files_each_step_recorded_and_published()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var (townshipOperator, countyOperator) = (Guid.NewGuid(), Guid.NewGuid());
        var township = app.CreateClientAsPerson(PlatformRoles.TownshipOperator, TestTree.TownshipCode, townshipOperator);
        var county = app.CreateClientAsPerson(PlatformRoles.CountyOperator, TestTree.CountyCode, countyOperator);
        var round = await Gradings.OpenRoundAsync(city);
        var village = TestTree.VillageCode(TestTree.TownshipCode, 1);

        var entered = await Gradings.SelfAssessAsync(township, round, app.OrganizationId(village), "Good");
        var id = entered.GetProperty("id").GetGuid();
        Assert.Equal(60m, entered.GetProperty("totalScore").GetDecimal());
        (await Gradings.StepAsync(township, id, "review", new { note = "核实无误" })).EnsureSuccessStatusCode();
        var byTownship = await Gradings.StepAsync(township, id, "decide", new { grade = "Good" });
        Assert.Equal(HttpStatusCode.Forbidden, byTownship.StatusCode);
        (await Gradings.StepAsync(county, id, "decide", new { grade = "FairlyGood", note = "村集体经济偏弱" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await Gradings.StepAsync(county, id, "file")).StatusCode);
        var filed = await Gradings.StepAsync(city, id, "file");

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var body = await filed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("CityFiled", body.GetProperty("step").GetString());
        Assert.Equal("FairlyGood", body.GetProperty("grade").GetString());
        Assert.True(body.GetProperty("isResult").GetBoolean());
        var steps = body.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("step").GetString(), s.GetProperty("grade").GetString(), s.GetProperty("actor").GetString())).ToList();
        Assert.Equal(
        [
            ("SelfAssessed", "Good", townshipOperator.ToString()),
            ("TownshipReviewed", "Good", townshipOperator.ToString()),
            ("CountyDecided", "FairlyGood", countyOperator.ToString()),
            ("CityFiled", "FairlyGood", "test-client"),
        ], steps);
        var events = await app.PublishedAsync<OrganizationGraded>();
        Assert.Equal<(long, GradingStep, bool)>([(1L, GradingStep.SelfAssessed, false), (2, GradingStep.TownshipReviewed, false), (3, GradingStep.CountyDecided, true), (4, GradingStep.CityFiled, true)],
            events.Select(e => (e.Version, e.Step, e.IsResult)).ToList());
        Assert.All(events, e => Assert.Equal((id, app.OrganizationId(village), village, app.Tree.Id(village), 2026), (e.GradingId, e.OrganizationId, e.OrganizationCode, e.UnitId, e.Year)));
        await using var db = app.OpenDb();
        Assert.Equal(4, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == "Grading", Ct));
    }

    [Fact]
    public async Task A_step_out_of_order_answers_409_and_changes_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        var id = (await Gradings.SelfAssessAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1)))).GetProperty("id").GetGuid();

        var decide = await Gradings.StepAsync(city, id, "decide", new { grade = "Good" });
        var file = await Gradings.StepAsync(city, id, "file");
        var sendBack = await Gradings.StepAsync(city, id, "send-back", new { reason = "材料不全" });

        Assert.All([decide, file, sendBack], r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("out of order", await decide.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        var grading = await db.Gradings.SingleAsync(g => g.Id == id, Ct);
        Assert.Equal((GradingStep.SelfAssessed, 1L), (grading.Step, grading.Version));
        Assert.Single(await app.PublishedAsync<OrganizationGraded>());
        Assert.Equal(1, await db.GradingSteps.CountAsync(Ct));
    }

    [Fact]
    public async Task A_send_back_goes_one_step_back_with_its_reason_by_the_level_of_the_next_step_and_a_filed_grading_is_final()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var round = await Gradings.OpenRoundAsync(city);
        var organization = app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1));
        var id = await Gradings.GradedAsync(township, round, organization, "Good", last: "review");

        Assert.Equal(HttpStatusCode.Forbidden, (await Gradings.StepAsync(township, id, "send-back", new { reason = "自己退回" })).StatusCode);
        await Problems.AssertRefusedAsync(await Gradings.StepAsync(county, id, "send-back", new { }), "reason");
        var back = await Gradings.StepAsync(county, id, "send-back", new { reason = "佐证材料不足" });
        Assert.Equal("SelfAssessed", (await back.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("step").GetString());
        // Sent back, the township enters the self-assessment again, and the grading goes forward once more.
        await Gradings.SelfAssessAsync(township, round, organization, "FairlyGood");
        (await Gradings.StepAsync(township, id, "review")).EnsureSuccessStatusCode();
        (await Gradings.StepAsync(county, id, "decide", new { grade = "FairlyGood" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await Gradings.StepAsync(county, id, "send-back", new { reason = "重新评定" })).StatusCode);
        (await Gradings.StepAsync(city, id, "send-back", new { reason = "与考核结果不符" })).EnsureSuccessStatusCode();
        (await Gradings.StepAsync(county, id, "decide", new { grade = "Average" })).EnsureSuccessStatusCode();
        (await Gradings.StepAsync(city, id, "file")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await Gradings.StepAsync(city, id, "send-back", new { reason = "撤回备案" })).StatusCode);

        await using var db = app.OpenDb();
        var steps = await db.GradingSteps.Where(s => s.GradingId == id).OrderBy(s => s.TakenAt).ThenBy(s => s.Id).ToListAsync(Ct);
        Assert.Equal(
        [
            (GradingStep.SelfAssessed, false, null), (GradingStep.TownshipReviewed, false, null), (GradingStep.SelfAssessed, true, "佐证材料不足"),
            (GradingStep.SelfAssessed, false, null), (GradingStep.TownshipReviewed, false, null), (GradingStep.CountyDecided, false, null),
            (GradingStep.TownshipReviewed, true, "与考核结果不符"), (GradingStep.CountyDecided, false, null), (GradingStep.CityFiled, false, null),
        ], steps.Select(s => (s.Step, s.SentBack, s.SentBack ? s.Note : null)).ToList());
        var last = (await app.PublishedAsync<OrganizationGraded>())[^1];
        Assert.Equal((Grade.Average, GradingStep.CityFiled, 9L), (last.Grade, last.Step, last.Version));
    }

    [Fact]
    public async Task A_county_operator_cannot_see_or_grade_another_countys_village()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var round = await Gradings.OpenRoundAsync(app.CreateClient());
        var other = app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 1));
        var countyA = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var countyB = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var refused = await countyA.PutAsJsonAsync($"/api/assessments/rounds/{round}/gradings/{other}", Gradings.SelfAssessment(), Ct);
        var id = (await Gradings.SelfAssessAsync(countyB, round, other)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await countyA.GetAsync($"/api/assessments/gradings/{id}", Ct)).StatusCode);
        var list = await countyA.GetFromJsonAsync<JsonElement>($"/api/assessments/rounds/{round}/gradings", Ct);
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
    }
}
