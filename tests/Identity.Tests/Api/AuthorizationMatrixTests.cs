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

    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await IdentityApp.StartAsync();
        var targets = await IdentityMatrixTargets.CreateAsync(app.CreateClient(), Ct);
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
