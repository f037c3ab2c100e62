using System.Net.Http.Json;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>
/// What the Identity matrices aim at, in the service's own tests and through the gateway: a client
/// and a person of county B for each write to act on (set up by the city administrator through the
/// API), one of each disabled so that enabling changes something. Every call is the city administrator's.
/// </summary>
public static class IdentityMatrixTargets
{
    public static async Task<MatrixTargets> CreateAsync(HttpClient admin, CancellationToken ct)
    {
        async Task SucceedAsync(Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        foreach (var name in new[] { "matrix-rotate", "matrix-disable", "matrix-enable" })
        {
            await SucceedAsync(admin.PostAsJsonAsync("/api/identity/clients", Account("clientId", name), ct));
            await SucceedAsync(admin.PostAsJsonAsync("/api/identity/users", Account("userName", name), ct));
        }

        await SucceedAsync(admin.PostAsync("/api/identity/clients/matrix-enable/disable", null, ct));
        await SucceedAsync(admin.PostAsync("/api/identity/users/matrix-enable/disable", null, ct));

        var targets = new MatrixTargets().Route("clientId", "matrix-rotate").Route("userName", "matrix-rotate");
        foreach (var (kind, key) in new[] { ("clients", "clientId"), ("users", "userName") })
        {
            var list = $"/api/identity/{kind}?unitCode=610503000000";
            targets
                .Write(new("POST", $"/api/identity/{kind}", Refusal.CityOnly, MatrixBody.Json(Account(key, "matrix-new"))) { Observe = [list] })
                .Write(new("POST", $"/api/identity/{kind}/{{{key}}}/{(kind == "clients" ? "secret" : "password")}", Refusal.CityOnly, MatrixBody.None) { Observe = [list] })
                .Write(new("POST", $"/api/identity/{kind}/{{{key}}}/disable", Refusal.CityOnly, MatrixBody.None, Named(key, "matrix-disable")) { Observe = [list] })
                .Write(new("POST", $"/api/identity/{kind}/{{{key}}}/enable", Refusal.CityOnly, MatrixBody.None, Named(key, "matrix-enable")) { Observe = [list] });
        }

        return targets;
    }

    private static Dictionary<string, object> Account(string key, string name) => new()
    {
        [key] = name, ["displayName"] = "华州区测试账号", ["unitCode"] = "610503000000", ["roles"] = new[] { "CountyOperator" },
    };

    private static Dictionary<string, string> Named(string parameter, string name) => new() { [parameter] = name };
}
