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

        Dictionary<string, string> At(Guid grading) => new() { ["gradingId"] = grading.ToString() };

        var targets = new MatrixTargets()
            .Foreign("华州", "南镇", "610503")
            .Open("roundId", round.ToString())
            .Route("organizationId", villages[0].ToString())
            .Route("gradingId", decided.ToString())
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
            .Write(new("POST", "/api/assessments/gradings/{gradingId}/send-back", Refusal.PathOutside, MatrixBody.Json(new { reason = "佐证材料不足" }), At(toSendBack)));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
