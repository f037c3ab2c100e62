using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>
/// Every Assessments endpoint (from the running app's endpoint metadata) against every kind of caller, aimed at the
/// 2026 round's gradings of county B (华州区), each write with a valid body. Each step is aimed at a grading standing
/// just before it; county B's operator takes them all but the filing, which is the city's. A round is the city's: every
/// caller reads it, and sees only its own unit's part of its progress.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var villages = new List<Guid> { app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 1)), app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 2)) };
        foreach (var n in new[] { 3, 4, 5 })
        {
            villages.Add(await app.AddVillageAsync(TestTree.OtherTownshipCode, n, $"南{n}村"));
        }

        var round = await Gradings.OpenRoundAsync(city);
        (await city.PostAsJsonAsync("/api/assessments/county-assessments", new { year = 2026 }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var selfAssessed = await Gradings.GradedAsync(city, round, villages[1], last: null);
        var reviewed = await Gradings.GradedAsync(city, round, villages[2], last: "review");
        var decided = await Gradings.GradedAsync(city, round, villages[3], last: "decide");
        var toSendBack = await Gradings.GradedAsync(city, round, villages[4], last: "review");
        // The county's file, whole: the writes run in the order the endpoints are mapped, the import last, so it finds the
        // grading filed by then on the values it was decided with (unchanged), and decides the others where their steps left them.
        var countyFile = string.Join('\n', ["组织代码,等次,班子队伍,党员队伍,活动场所,制度机制,发展成效,群众满意度,佐证材料",
            .. Enumerable.Range(1, 5).Select(n => n == 4
                ? $"{TestTree.VillageCode(TestTree.OtherTownshipCode, n)},好,10,10,10,10,10,10,组织生活会记录齐全，村务公开到位"
                : $"{TestTree.VillageCode(TestTree.OtherTownshipCode, n)},较好,15,12,12,12,15,12,县级评定材料")]);

        // An eligible village of county B for the awards (graded 好, with a venue), on a list the city confirmed before the reads.
        var awarded = await WithVenueAsync(app, villages[3]);
        Assert.Equal(HttpStatusCode.Created, (await city.PutAsJsonAsync("/api/assessments/awards/2026/Villages", new { entries = new[] { awarded } }, Ct)).StatusCode);

        Dictionary<string, string> At(Guid grading) => new() { ["gradingId"] = grading.ToString() };

        // County B's township secretary: the county (the level above) hears and rates the report and evaluates the commitments.
        var secretary = await Secretaries.AddPostAsync(app, TestTree.OtherTownshipCode, PostKind.TownshipSecretary, new DateOnly(2020, 1, 1));
        var toRate = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, secretary, 2025));
        var toConclude = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, secretary, 2024));
        (await Secretaries.RateAsync(city, toConclude, "Good")).EnsureSuccessStatusCode();
        var toKeep = await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(city, secretary, new DateOnly(2026, 12, 20)));
        var toEvaluate = await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(city, secretary, new DateOnly(2026, 12, 25)));
        await Secretaries.AddDeadlineFactAsync(app, TestTree.OtherCountyCode, new DateOnly(2013, 12, 31));
        await Secretaries.AddDeadlineFactAsync(app, TestTree.OtherCountyCode, new DateOnly(2014, 6, 30));
        var special = await Secretaries.IdOfAsync(await city.PostAsJsonAsync("/api/assessments/special-reports",
            new { countyId = app.Tree.Id(TestTree.OtherCountyCode), text = "活动场所建设专项述职" }, Ct));

        var targets = new MatrixTargets()
            .Foreign("华州", "南镇", "610503")
            .Open("roundId", round.ToString())
            .Route("organizationId", villages[0].ToString())
            .Route("gradingId", decided.ToString())
            .Open("year", "2026")
            .Open("kind", "Villages")
            .Write(new("POST", "/api/assessments/rounds", Refusal.CityOnly, MatrixBody.Json(new { year = 2027 })))
            .Write(new("PUT", "/api/assessments/rounds/{roundId}/gradings/{organizationId}", Refusal.PathOutside, MatrixBody.Json(Gradings.SelfAssessment())))
            .Write(new("POST", "/api/assessments/gradings/{gradingId}/review", Refusal.PathOutside, MatrixBody.Json(new { note = "核实无误" }), At(selfAssessed)))
            .Write(new("POST", "/api/assessments/gradings/{gradingId}/decide", Refusal.PathOutside, MatrixBody.Json(new { grade = "FairlyGood" }), At(reviewed)))
            .Write(new("POST", "/api/assessments/gradings/{gradingId}/file", Refusal.CityOnly, MatrixBody.Json(new { }), At(decided)))
            .Route("countyId", app.Tree.Id(TestTree.OtherCountyCode).ToString())
            .Write(new("PUT", "/api/assessments/rounds/{roundId}/targets/city", Refusal.CityOnly, MatrixBody.Json(new { goodShareAtLeast = 35, poorShareAtMost = 15 })))
            .Write(new("PUT", "/api/assessments/rounds/{roundId}/targets/counties/{countyId}", Refusal.PathOutside,
                MatrixBody.Json(new { goodShareAtLeast = 40, poorShareAtMost = 10 })))
            .Write(new("PUT", "/api/assessments/rounds/{roundId}/targets/villages/{organizationId}", Refusal.PathOutside, MatrixBody.Json(new { grade = "FairlyGood" })))
            .Write(new("POST", "/api/assessments/rounds/{roundId}/counties/{countyId}/gradings/imports", Refusal.PathOutside,
                MatrixBody.Text(countyFile, "text/csv")))
            .Write(new("POST", "/api/assessments/gradings/{gradingId}/send-back", Refusal.PathOutside, MatrixBody.Json(new { reason = "佐证材料不足" }), At(toSendBack)))
            .Open("code", "responsibility")
            .Write(new("POST", "/api/assessments/county-assessments", Refusal.CityOnly, MatrixBody.Json(new { year = 2027 })))
            .Write(new("PUT", "/api/assessments/county-assessments/{year}/indicators", Refusal.CityOnly, MatrixBody.Json(CountyAssessments.Indicators(40, 60))))
            .Write(new("PUT", "/api/assessments/county-assessments/{year}/counties/{countyId}/scores/{code}", Refusal.CityOnly,
                MatrixBody.Json(new { points = 15, note = "责任制落实到位" })))
            .Write(new("PUT", "/api/assessments/awards/{year}/{kind}", Refusal.CityOnly, MatrixBody.Json(new { entries = new[] { awarded } })))
            .Route("reportId", toConclude.ToString())
            .Write(new("POST", "/api/assessments/secretary-reports", Refusal.BodyOutside, MatrixBody.Json(new { postId = secretary, year = 2026, text = "年度抓党建述职" })))
            .Write(new("POST", "/api/assessments/secretary-reports/{reportId}/ratings", Refusal.PathOutside, MatrixBody.Json(new { rating = "FairlyGood" }),
                new Dictionary<string, string> { ["reportId"] = toRate.ToString() }))
            .Write(new("POST", "/api/assessments/secretary-reports/{reportId}/result", Refusal.PathOutside, MatrixBody.Json(new { examScore = 88 })))
            .Route("commitmentId", toEvaluate.ToString())
            .Write(new("POST", "/api/assessments/commitments", Refusal.BodyOutside,
                MatrixBody.Json(new { postId = secretary, year = 2026, content = "推进村级活动场所建设", dueOn = "2026-12-31" })))
            .Write(new("POST", "/api/assessments/commitments/{commitmentId}/progress", Refusal.PathOutside, MatrixBody.Json(new { note = "已完成主体工程" }),
                new Dictionary<string, string> { ["commitmentId"] = toKeep.ToString() }))
            .Write(new("POST", "/api/assessments/commitments/{commitmentId}/evaluation", Refusal.PathOutside, MatrixBody.Json(new { rating = "Good", comment = "按期兑现" })))
            .Route("specialReportId", special.ToString())
            .Write(new("POST", "/api/assessments/special-reports", Refusal.BodyOutside,
                MatrixBody.Json(new { countyId = app.Tree.Id(TestTree.OtherCountyCode), text = "活动场所建设专项述职" })))
            .Write(new("POST", "/api/assessments/special-reports/{specialReportId}/evaluation", Refusal.CityOnly, MatrixBody.Json(new { rating = "Average" })));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }

    /// <summary>The village of the organisation, given an accepted venue in Assessments' copy.</summary>
    private static async Task<Guid> WithVenueAsync(AssessmentsApp app, Guid organization)
    {
        await using var db = app.OpenDb();
        var village = await db.PartyOrganizations.Where(o => o.Id == organization).Select(o => o.UnitId).SingleAsync(Ct);
        db.Venues.Add(FactCopy<VenueChanged>.From(new(Guid.NewGuid(), 1, village, VenueKind.NewBuild, VenueState.Accepted, new DateOnly(2025, 6, 1), 200m, null, null, AssessmentsApp.Start)));
        await db.SaveChangesAsync(Ct);
        return village;
    }
}
