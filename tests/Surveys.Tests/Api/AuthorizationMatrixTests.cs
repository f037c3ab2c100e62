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
/// household read admits personnel officers alone: county B's succeeds, the city administrator gets 403.
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

        var targets = new MatrixTargets()
            .Foreign("华州", "南镇", "610503", "HZ-0001")
            .Route("id", campaign.ToString())
            .Route("organizationId", app.OrganizationId(first).ToString())
            .Route("unitId", app.Tree.Id(TestTree.OtherTownshipCode).ToString())
            .Route("visitId", visit.ToString())
            .Route("ingestId", ingest)
            .Missing("visitId", "999999999")
            .Write(new("POST", "/api/surveys/campaigns/{id}/visits", Refusal.PathOutside, MatrixBody.Json(Visits.Body(second, "HZ-0002"))))
            .Write(new("PUT", "/api/surveys/campaigns/{id}/organizations/{organizationId}/households", Refusal.PathOutside,
                MatrixBody.Json(new { households = 120 })))
            .Write(new("POST", "/api/surveys/campaigns/{id}/ingests", Refusal.PathOutside,
                MatrixBody.Text(Ingests.File([Ingests.Line(second, "HZ-0004")]), Ingests.Ndjson)));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
