using System.Net.Http.Json;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>
/// Every endpoint of the admin API (from the running app's endpoint metadata) is for city
/// administrators only: anyone else gets 403 with nothing changed, and the same call, with a valid
/// body aimed at a real client or person of county B, then succeeds for a city administrator.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    /// <summary>A city operator acts for the whole city, but accounts are the city administrator's.</summary>
    [Fact]
    public Task A_city_operator_does_not_manage_accounts() => OutsiderAsync(PlatformRoles.CityOperator, TestTokens.CityCode);

    /// <summary>A client and a person of county B for each write to act on, one of each disabled to enable again.</summary>
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await IdentityApp.StartAsync();
        var admin = app.CreateClient();
        foreach (var name in new[] { "matrix-rotate", "matrix-disable", "matrix-enable" })
        {
            await SucceedAsync(admin.PostAsJsonAsync("/api/identity/clients", Account("clientId", name), Ct));
            await SucceedAsync(admin.PostAsJsonAsync("/api/identity/users", Account("userName", name), Ct));
        }

        await SucceedAsync(admin.PostAsync("/api/identity/clients/matrix-enable/disable", null, Ct));
        await SucceedAsync(admin.PostAsync("/api/identity/users/matrix-enable/disable", null, Ct));

        var targets = new MatrixTargets()
            .Route("clientId", "matrix-rotate")
            .Route("userName", "matrix-rotate")
            .Write(new("POST", "/api/identity/clients", Refusal.CityOnly, MatrixBody.Json(Account("clientId", "matrix-new"))))
            .Write(new("POST", "/api/identity/clients/{clientId}/secret", Refusal.CityOnly, MatrixBody.None))
            .Write(new("POST", "/api/identity/clients/{clientId}/disable", Refusal.CityOnly, MatrixBody.None, Named("clientId", "matrix-disable")))
            .Write(new("POST", "/api/identity/clients/{clientId}/enable", Refusal.CityOnly, MatrixBody.None, Named("clientId", "matrix-enable")))
            .Write(new("POST", "/api/identity/users", Refusal.CityOnly, MatrixBody.Json(Account("userName", "matrix-new"))))
            .Write(new("POST", "/api/identity/users/{userName}/password", Refusal.CityOnly, MatrixBody.None))
            .Write(new("POST", "/api/identity/users/{userName}/disable", Refusal.CityOnly, MatrixBody.None, Named("userName", "matrix-disable")))
            .Write(new("POST", "/api/identity/users/{userName}/enable", Refusal.CityOnly, MatrixBody.None, Named("userName", "matrix-enable")));
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }

    private static Dictionary<string, object> Account(string key, string name) => new()
    {
        [key] = name, ["displayName"] = "华州区测试账号", ["unitCode"] = "610503000000", ["roles"] = new[] { "CountyOperator" },
    };

    private static Dictionary<string, string> Named(string parameter, string name) => new() { [parameter] = name };

    private static async Task SucceedAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
