using System.Net;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>Every endpoint of the admin API (from the running app's endpoint metadata) is for city administrators only.</summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Tokens are made inside the test: theory data may be enumerated by another process, with another test key.
    public static TheoryData<string, HttpStatusCode> Callers => new()
    {
        { "anonymous", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "another issuer", HttpStatusCode.Unauthorized },
        { PlatformRoles.CountyOperator, HttpStatusCode.Forbidden },
        { PlatformRoles.TownshipOperator, HttpStatusCode.Forbidden },
        { PlatformRoles.Viewer, HttpStatusCode.Forbidden },
        { PlatformRoles.CityOperator, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Only_a_city_administrator_manages_accounts(string caller, HttpStatusCode expected)
    {
        var token = caller switch
        {
            "anonymous" => null,
            "expired" or "another issuer" => TestTokens.Bad(caller),
            PlatformRoles.CountyOperator => TestTokens.For(caller, "610502000000"),
            PlatformRoles.TownshipOperator => TestTokens.For(caller, "610502001000"),
            _ => TestTokens.For(caller, TestTokens.CityCode),
        };
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var matrix = new AuthorizationMatrix(app.Services, app.CreateClient);
        var calls = matrix.Calls(new Dictionary<string, string> { ["clientId"] = "linwei-county-system", ["userName"] = "linwei-operator" });

        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var response = await matrix.SendAsync(call, token, Ct);
            Assert.True(response.StatusCode == expected, $"{call.Method} {call.Path}: {(int)response.StatusCode}");
        }

        var admin = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/identity/clients/linwei-county-system", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/identity/users/linwei-operator", Ct)).StatusCode);
    }
}
