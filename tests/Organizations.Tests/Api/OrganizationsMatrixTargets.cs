using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>
/// What the Organizations matrices aim at, in the service's own tests and through the gateway: a
/// township of the county under test whose villages 1, 2 and 3 (codes ending 201 to 203) exist, each
/// with its village Party organisation. Village 1 is renamed and its organisation renamed and joined by
/// another; village 2 merges into 3; the codes ending 204 to 206 are free for the units the writes add.
/// </summary>
public static class OrganizationsMatrixTargets
{
    public static async Task<MatrixTargets> CreateAsync(HttpClient city, string townshipCode, CancellationToken ct)
    {
        string Village(int n) => $"{townshipCode[..9]}{200 + n}";
        async Task<Guid> IdAsync(string path, Func<JsonElement, JsonElement> pick) =>
            pick(await city.GetFromJsonAsync<JsonElement>(path, ct)).GetProperty("id").GetGuid();

        var township = await IdAsync($"/api/organizations/unit-codes/{townshipCode}", u => u);
        var village = new Dictionary<int, Guid>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            village[n] = await IdAsync($"/api/organizations/unit-codes/{Village(n)}", u => u);
        }

        var organization = await IdAsync($"/api/organizations/party-organizations?unitId={village[1]}", page => page.GetProperty("items")[0]);
        var units = $"/api/organizations/units?ancestorId={township}&includeRetired=true";
        var organizations = $"/api/organizations/party-organizations?ancestorId={township}";
        return new MatrixTargets()
            .Foreign(townshipCode[..6])
            .Route("id", village[1].ToString())
            .Route("/api/organizations/party-organizations/{id}", "id", organization.ToString())
            .Route("code", Village(1))
            .Missing("code", $"{townshipCode[..6]}999999")
            .Write(new("POST", "/api/organizations/units", Refusal.BodyOutside,
                MatrixBody.Json(new { name = "新建四村", kind = "Village", code = Village(4), parentId = township })) { Observe = [units] })
            .Write(new("PUT", "/api/organizations/units/{id}/name", Refusal.PathOutside, MatrixBody.Json(new { name = "更名一村" }))
            {
                Observe = [$"/api/organizations/units/{village[1]}"],
            })
            .Write(new("POST", "/api/organizations/units/{id}/merge", Refusal.PathOutside,
                MatrixBody.Json(new { successorId = village[3] }), new Dictionary<string, string> { ["id"] = village[2].ToString() }) { Observe = [units] })
            .Write(new("POST", "/api/organizations/party-organizations", Refusal.BodyOutside,
                MatrixBody.Json(new { name = "果业合作社党支部", kind = "Enterprise", unitId = village[1] })) { Observe = [organizations] })
            .Write(new("PUT", "/api/organizations/party-organizations/{id}/name", Refusal.PathOutside,
                MatrixBody.Json(new { name = "一村党总支" }), new Dictionary<string, string> { ["id"] = organization.ToString() })
            {
                Observe = [$"/api/organizations/party-organizations/{organization}"],
            })
            .Write(new("POST", "/api/organizations/imports/units", Refusal.BodyOutside,
                MatrixBody.Json(new[] { new { code = Village(5), name = "导入五村", kind = "Village", parentCode = townshipCode } })) { Observe = [units] })
            .Write(new("POST", "/api/organizations/imports/units", Refusal.BodyOutside,
                MatrixBody.Text($"code,name,kind,parentCode\n{Village(6)},导入六村,Village,{townshipCode}\n", "text/csv")) { Observe = [units] });
    }
}
