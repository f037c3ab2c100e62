using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Reports;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>A secretary's yearly report (联述联评联考): entered and rated by the level above, concluded by the configured rule.</summary>
public sealed class SecretaryReportsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_township_enters_a_village_secretarys_report_its_evaluators_rate_it_once_each_and_the_rule_gives_the_result()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var (first, second, countyPerson) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var township = app.CreateClientAsPerson(PlatformRoles.TownshipOperator, TestTree.TownshipCode, first);
        var otherEvaluator = app.CreateClientAsPerson(PlatformRoles.TownshipOperator, TestTree.TownshipCode, second);
        var county = app.CreateClientAsPerson(PlatformRoles.CountyOperator, TestTree.CountyCode, countyPerson);
        var village = TestTree.VillageCode(TestTree.TownshipCode, 1);
        var post = await Secretaries.AddPostAsync(app, village, PostKind.VillageSecretary);

        var id = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(township, post));
        await Secretaries.BodyAsync(await Secretaries.RateAsync(township, id, "Good", "带头作用突出"), HttpStatusCode.Created);
        await Secretaries.BodyAsync(await Secretaries.RateAsync(otherEvaluator, id, "FairlyGood"), HttpStatusCode.Created);
        await Secretaries.BodyAsync(await Secretaries.RateAsync(county, id, "Average"), HttpStatusCode.Created);
        var again = await Secretaries.RateAsync(township, id, "Poor");
        var concluded = await Secretaries.BodyAsync(
            await township.PostAsJsonAsync($"/api/assessments/secretary-reports/{id}/result", new { examScore = 86.5 }, Ct), HttpStatusCode.OK);
        var afterResult = await Secretaries.RateAsync(app.CreateClientAsPerson(PlatformRoles.CountyOperator, TestTree.CountyCode, Guid.NewGuid()), id, "Good");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterResult.StatusCode);
        Assert.Equal(("Concluded", "FairlyGood", "FairlyGood", false, 3), (concluded.GetProperty("step").GetString(), concluded.GetProperty("computedResult").GetString(),
            concluded.GetProperty("result").GetString(), concluded.GetProperty("overridden").GetBoolean(), concluded.GetProperty("ratings").GetArrayLength()));
        await using var db = app.OpenDb();
        var report = await db.SecretaryReports.SingleAsync(Ct);
        // (100 + 80 + 60) / 3 = 80 points: at least 75, below 90.
        Assert.Equal((post, app.Tree.Id(village), PostKind.VillageSecretary, 2026, ReportStep.Concluded, 80m, Rating.FairlyGood, Rating.FairlyGood, 86.5m, first.ToString()),
            (report.PostId, report.UnitId, report.Kind, report.Year, report.Step, report.Points, report.ComputedResult, report.Result, report.ExamScore, report.ConcludedBy));
        Assert.Equal(first.ToString(), report.ReportedBy);
        var ratings = await db.SecretaryReportRatings.OrderBy(r => r.RatedAt).ThenBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal([(first.ToString(), Rating.Good, "带头作用突出"), (second.ToString(), Rating.FairlyGood, null), (countyPerson.ToString(), Rating.Average, null)],
            ratings.Select(r => (r.Evaluator, r.Rating, r.Comment)).ToList());
        var audit = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(SecretaryReportRating) || a.EntityType == nameof(SecretaryReport)).ToListAsync(Ct);
        Assert.Equal(3, audit.Count(a => a.EntityType == nameof(SecretaryReportRating)));
        Assert.Contains(audit, a => a.EntityType == nameof(SecretaryReport) && a.EntityId == id.ToString() && a.Actor == first.ToString() && a.Action == "Added");
        Assert.Contains(audit, a => a.EntityType == nameof(SecretaryReport) && a.Changes.Contains("86.5"));
    }

    [Fact]
    public async Task The_result_may_be_overridden_only_with_a_reason_and_a_score_out_of_range_changes_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var post = await Secretaries.AddPostAsync(app, TestTree.TownshipCode, PostKind.TownshipSecretary);
        var id = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(county, post));
        (await Secretaries.RateAsync(county, id, "Average")).EnsureSuccessStatusCode();
        var result = $"/api/assessments/secretary-reports/{id}/result";

        await Problems.AssertRefusedAsync(await county.PostAsJsonAsync(result, new { examScore = 80, result = "Good" }, Ct), "reason");
        await Problems.AssertRefusedAsync(await county.PostAsJsonAsync(result, new { examScore = 100.5 }, Ct), "examScore");
        await using (var unchanged = app.OpenDb())
        {
            var report = await unchanged.SecretaryReports.SingleAsync(Ct);
            Assert.Equal((ReportStep.Rated, null, null), (report.Step, report.Result, report.ExamScore));
        }

        var overridden = await Secretaries.BodyAsync(
            await county.PostAsJsonAsync(result, new { examScore = 92, result = "Good", reason = "群众测评优秀，乡镇党建考核全县第一" }, Ct), HttpStatusCode.OK);

        Assert.True(overridden.GetProperty("overridden").GetBoolean());
        await using var db = app.OpenDb();
        var concluded = await db.SecretaryReports.SingleAsync(Ct);
        Assert.Equal((60m, Rating.Average, Rating.Good, "群众测评优秀，乡镇党建考核全县第一", 92m),
            (concluded.Points, concluded.ComputedResult, concluded.Result, concluded.OverrideReason, concluded.ExamScore));
        Assert.Equal(HttpStatusCode.Conflict, (await county.PostAsJsonAsync(result, new { examScore = 50 }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_township_operator_cannot_enter_or_rate_its_own_township_secretarys_report_and_the_county_can()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var otherCounty = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);
        var post = await Secretaries.AddPostAsync(app, TestTree.TownshipCode, PostKind.TownshipSecretary);

        var byTownship = await Secretaries.SubmitReportAsync(township, post);
        var byOtherCounty = await Secretaries.SubmitReportAsync(otherCounty, post);
        await using (var none = app.OpenDb())
        {
            Assert.Equal(0, await none.SecretaryReports.CountAsync(Ct));
        }

        var byCounty = await Secretaries.SubmitReportAsync(county, post);
        var id = await Secretaries.IdOfAsync(byCounty);
        var ratedByTownship = await Secretaries.RateAsync(township, id, "Good");
        var ratedByOtherCounty = await Secretaries.RateAsync(otherCounty, id, "Good");
        var ratedByCounty = await Secretaries.RateAsync(county, id, "Good");

        Assert.Equal(HttpStatusCode.Forbidden, byTownship.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherCounty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byCounty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ratedByTownship.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ratedByOtherCounty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ratedByCounty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/api/assessments/secretary-reports/{id}", Ct)).StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(ReportStep.Rated, (await db.SecretaryReports.SingleAsync(Ct)).Step);
        Assert.Equal(1, await db.SecretaryReportRatings.CountAsync(Ct));
    }

    [Fact]
    public async Task A_county_secretarys_report_is_the_citys_to_hear()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var post = await Secretaries.AddPostAsync(app, TestTree.CountyCode, PostKind.CountySecretary);

        var byCounty = await Secretaries.SubmitReportAsync(app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode), post);
        var byCity = await Secretaries.SubmitReportAsync(app.CreateClient(), post);

        Assert.Equal(HttpStatusCode.Forbidden, byCounty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byCity.StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_second_report_of_the_year_is_409()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var village = TestTree.VillageCode(TestTree.TownshipCode, 1);
        var director = await Secretaries.AddPostAsync(app, village, PostKind.VillageCommitteeDirector);
        var endedBefore = await Secretaries.AddPostAsync(app, village, PostKind.VillageSecretary, new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 1));
        var startedAfter = await Secretaries.AddPostAsync(app, village, PostKind.VillageSecretary, new DateOnly(2027, 1, 1));
        var post = await Secretaries.AddPostAsync(app, village, PostKind.VillageSecretary, new DateOnly(2020, 1, 1), new DateOnly(2026, 1, 2));

        await Problems.AssertRefusedAsync(await Secretaries.SubmitReportAsync(city, Guid.NewGuid()), "postId");
        await Problems.AssertRefusedAsync(await Secretaries.SubmitReportAsync(city, director), "postId");
        await Problems.AssertRefusedAsync(await Secretaries.SubmitReportAsync(city, endedBefore), "year");
        await Problems.AssertRefusedAsync(await Secretaries.SubmitReportAsync(city, startedAfter), "year");
        await Problems.AssertRefusedAsync(await city.PostAsJsonAsync("/api/assessments/secretary-reports", new { postId = post, year = 2026, text = new string('述', 8001) }, Ct), "text");
        var id = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, post));
        var second = await Secretaries.SubmitReportAsync(city, post);
        var resultBeforeRatings = await city.PostAsJsonAsync($"/api/assessments/secretary-reports/{id}/result", new { examScore = 80 }, Ct);
        await Problems.AssertRefusedAsync(await city.PostAsJsonAsync($"/api/assessments/secretary-reports/{id}/ratings", new { rating = "Excellent" }, Ct), "rating");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, resultBeforeRatings.StatusCode);
        await using var db = app.OpenDb();
        var report = await db.SecretaryReports.SingleAsync(Ct);
        Assert.Equal((post, ReportStep.Reported, 1L), (report.PostId, report.Step, report.Version));
        Assert.Equal(0, await db.SecretaryReportRatings.CountAsync(Ct));
    }

    [Fact]
    public async Task The_list_shows_the_callers_units_reports_narrowed_to_a_year()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var here = await Secretaries.AddPostAsync(app, TestTree.VillageCode(TestTree.TownshipCode, 1), PostKind.VillageSecretary);
        var there = await Secretaries.AddPostAsync(app, TestTree.VillageCode(TestTree.OtherTownshipCode, 1), PostKind.VillageSecretary);
        var thisYear = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, here));
        await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, here, 2025));
        await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, there));

        var page = await Secretaries.BodyAsync(await app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode)
            .GetAsync("/api/assessments/secretary-reports?year=2026&pageSize=10", Ct), HttpStatusCode.OK);

        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(thisYear, page.GetProperty("items")[0].GetProperty("id").GetGuid());
        var all = await Secretaries.BodyAsync(await city.GetAsync("/api/assessments/secretary-reports?pageSize=2", Ct), HttpStatusCode.OK);
        Assert.Equal((3, 2), (all.GetProperty("totalCount").GetInt32(), all.GetProperty("items").GetArrayLength()));
    }
}
