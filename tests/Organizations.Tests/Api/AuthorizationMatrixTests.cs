using Microsoft.EntityFrameworkCore;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>
/// Every Organizations endpoint (from the running app's endpoint metadata) against every kind of
/// caller, aimed at real units and Party organisations of county B (华州区), each write with a valid
/// body. See the README's scope rule for what each caller is promised.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    private const string Csv = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610502001000,东镇,Township,610502000000,
        610502001201,东一村,Village,610502001000,东一村党支部
        610503000000,华州区,District,610500000000,
        610503001000,南镇,Township,610503000000,
        610503001201,南一村,Village,610503001000,南一村党支部
        610503001202,南二村,Village,610503001000,南二村党支部
        610503001203,南三村,Village,610503001000,南三村党支部
        """;

    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        await using var db = app.OpenDb();
        var units = await db.Units.Where(u => u.Code!.StartsWith("610503")).ToDictionaryAsync(u => u.Code!, u => u.Id, Ct);
        var organizations = await db.PartyOrganizations.ToDictionaryAsync(o => o.Name, o => o.Id, Ct);
        var targets = new MatrixTargets()
            .Foreign("610503", "华州区", "南镇", "南一村")
            .Route("id", units["610503001201"].ToString())
            .Route("/api/organizations/party-organizations/{id}", "id", organizations["南一村党支部"].ToString())
            .Route("code", "610503001201")
            .Missing("code", "610599999999")
            .Write(new("POST", "/api/organizations/units", Refusal.BodyOutside,
                MatrixBody.Json(new { name = "南四村", kind = "Village", code = "610503001204", parentId = units["610503001000"] })))
            .Write(new("PUT", "/api/organizations/units/{id}/name", Refusal.PathOutside, MatrixBody.Json(new { name = "南一新村" })))
            .Write(new("POST", "/api/organizations/units/{id}/merge", Refusal.PathOutside,
                MatrixBody.Json(new { successorId = units["610503001203"] }), new Dictionary<string, string> { ["id"] = units["610503001202"].ToString() }))
            .Write(new("POST", "/api/organizations/party-organizations", Refusal.BodyOutside,
                MatrixBody.Json(new { name = "南一村果业合作社党支部", kind = "Enterprise", unitId = units["610503001201"] })))
            .Write(new("PUT", "/api/organizations/party-organizations/{id}/name", Refusal.PathOutside,
                MatrixBody.Json(new { name = "南一村党总支" }), new Dictionary<string, string> { ["id"] = organizations["南一村党支部"].ToString() }))
            .Write(new("POST", "/api/organizations/imports/units", Refusal.BodyOutside,
                MatrixBody.Json(new[] { new { code = "610503001205", name = "南五村", kind = "Village", parentCode = "610503001000" } })))
            .Write(new("POST", "/api/organizations/imports/units", Refusal.BodyOutside,
                MatrixBody.Text("code,name,kind,parentCode\n610503001206,南六村,Village,610503001000\n", "text/csv")));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
