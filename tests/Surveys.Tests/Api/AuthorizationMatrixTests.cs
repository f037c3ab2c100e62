using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>
/// Every Surveys endpoint (from the running app's endpoint metadata) against every kind of caller, aimed at a
/// campaign of county B (华州区) and its first village's organisation and visit, each write with a valid body. The
/// household read admits personnel officers alone: county B's succeeds, the city administrator gets 403. Each step of a
/// rectification is aimed at a problem of county B standing just before it; county B's operator takes them all (verifying and
/// closing are the county's or the city's).
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await SurveysApp.StartAsync();
        var city = app.CreateClient();
        var campaign = await app.CampaignAsync(unitCode: TestTree.OtherCountyCode, name: "华州区入户走访");
        await using (var db = app.OpenDb())
        {
            // The visit's id is a marker that no answer to county A may contain: a long one, that no count or page number is.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE visits ALTER COLUMN id RESTART WITH 730000000001", Ct);
        }

        var (first, second) = (TestTree.VillageCode(TestTree.OtherTownshipCode, 1), TestTree.VillageCode(TestTree.OtherTownshipCode, 2));
        var visit = (await (await Visits.RecordAsync(city, campaign, first, "HZ-0001")).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var countyB = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);
        var ingest = (await Ingests.SummaryAsync(await Ingests.SendAsync(countyB, campaign, Ingests.File([Ingests.Line(first, "HZ-0003")]))))
            .GetProperty("id").GetString()!;

        var township = app.Tree.Id(TestTree.OtherTownshipCode);
        var problems = new List<Guid>();
        foreach (var last in new[] { null, "assign", "start", "resolve", "verify" })
        {
            var problem = await Problems.RaiseAsync(city, campaign, first);
            if (last is not null)
            {
                await Problems.AdvanceAsync(city, problem, township, last);
            }

            problems.Add(problem);
        }

        Dictionary<string, string> At(int standing) => new() { ["problemId"] = problems[standing].ToString() };

        var targets = new MatrixTargets()
            .Foreign("华州", "南镇", "610503", "HZ-0001")
            .Route("id", campaign.ToString())
            .Route("organizationId", app.OrganizationId(first).ToString())
            .Route("unitId", app.Tree.Id(TestTree.OtherTownshipCode).ToString())
            .Route("visitId", visit.ToString())
            .Route("problemId", problems[0].ToString())
            .Route("ingestId", ingest)
            .Missing("visitId", "999999999")
            .Write(new("POST", "/api/surveys/campaigns", Refusal.BodyOutside,
                MatrixBody.Json(new { name = "华州区第二轮走访", unitId = app.Tree.Id(TestTree.OtherCountyCode), startsOn = "2026-09-01", endsOn = "2026-10-31" })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/organizations", Refusal.PathOutside, MatrixBody.Json(new { organizationCode = SurveysApp.OtherEnterpriseCode })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/visits", Refusal.PathOutside, MatrixBody.Json(Visits.Body(second, "HZ-0002"))))
            .Write(new("PUT", "/api/surveys/campaigns/{id}/organizations/{organizationId}/households", Refusal.PathOutside,
                MatrixBody.Json(new { households = 120 })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/households/imports", Refusal.PathOutside,
                MatrixBody.Text($"organizationCode,households\n{second},120\n", "text/csv")))
            .Write(new("POST", "/api/surveys/campaigns/{id}/evaluations", Refusal.PathOutside,
                MatrixBody.Json(new { organizationCode = second, evaluatedOn = "2026-06-05", ofOrganization = "Satisfied", ofMembers = "BasicallySatisfied" })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/classifications", Refusal.PathOutside, MatrixBody.Json(new { })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/spot-checks", Refusal.CityOnly, MatrixBody.Json(new
            {
                organizationCode = second, checkedOn = "2026-07-01", inspectionGroup = "市委第一督导组", householdsChecked = 10, householdsConfirmed = 9,
            })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/classifications/{organizationId}/override", Refusal.PathOutside,
                MatrixBody.Json(new { @class = "Backward", reason = "班子软弱涣散" })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/problems", Refusal.PathOutside, MatrixBody.Json(Problems.Body(second))))
            .Write(new("POST", "/api/surveys/campaigns/{id}/problems/imports", Refusal.PathOutside,
                MatrixBody.Text($"organizationCode,kind,category,raisedOn,said\n{second},Suggestion,welfare,2026-06-05,建议增设便民服务点\n", "text/csv")))
            .Write(new("POST", "/api/surveys/problems/{problemId}/notes", Refusal.PathOutside, MatrixBody.Json(new { text = "村集体经济薄弱" })))
            .Write(new("PUT", "/api/surveys/problems/{problemId}/spread", Refusal.PathOutside,
                MatrixBody.Json(new { spread = "Widespread", reason = "全区普遍" })))
            .Write(new("POST", "/api/surveys/problems/{problemId}/assign", Refusal.PathOutside, MatrixBody.Json(Problems.Assignment(township)), At(0)))
            .Write(new("POST", "/api/surveys/problems/{problemId}/start", Refusal.PathOutside, MatrixBody.Json(new { note = "已开工" }), At(1)))
            .Write(new("POST", "/api/surveys/problems/{problemId}/resolve", Refusal.PathOutside, MatrixBody.Json(new { answer = "已修复" }), At(2)))
            .Write(new("POST", "/api/surveys/problems/{problemId}/verify", Refusal.PathOutside, MatrixBody.Json(new { note = "已现场核查" }), At(3)))
            .Write(new("POST", "/api/surveys/problems/{problemId}/close", Refusal.PathOutside,
                MatrixBody.Json(new { answer = "已向群众公示整改结果" }), At(4)))
            .Write(new("POST", "/api/surveys/campaigns/{id}/ingests", Refusal.PathOutside,
                MatrixBody.Text(Ingests.File([Ingests.Line(second, "HZ-0004")]), Ingests.Ndjson)));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
