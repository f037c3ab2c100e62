using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyPlatform.Gateway.Bff;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// A web page session as the gateway would have written it after a sign-in, sealed with the gateway's own
/// cookie protection: what a browser sends back, without Identity (the whole sign-in runs in EndToEnd.Tests).
/// </summary>
public static class SessionCookies
{
    public const string Name = "partyplatform-session";

    /// <summary>The <c>Cookie</c> header of a county operator's session holding <paramref name="accessToken"/>, valid for <paramref name="accessLifetime"/>.</summary>
    public static string For(GatewayApp gateway, string accessToken, TimeSpan accessLifetime, string? refreshToken = null, Guid? person = null)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", (person ?? Guid.NewGuid()).ToString()),
            new Claim("name", "临渭区操作员"),
            new Claim("preferred_username", "linwei-operator"),
            new Claim("role", PlatformRoles.CountyOperator),
            new Claim(CallerScope.UnitCodeClaim, CountyCode),
        ], "test", "name", "role");
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = accessToken },
            new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.Add(accessLifetime).ToString("o") },
            .. refreshToken is null ? [] : new[] { new AuthenticationToken { Name = "refresh_token", Value = refreshToken } },
        ]);
        var format = gateway.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(BffSession.CookieScheme).TicketDataFormat;
        return $"{Name}={format.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, BffSession.CookieScheme))}";
    }

    public const string CountyCode = "610502000000";

    /// <summary>A county operator's access token, shaped like Identity's for a person signed in through the web page.</summary>
    public static string CountyOperatorToken(TimeSpan? lifetime = null) =>
        TestTokens.For(PlatformRoles.CountyOperator, CountyCode, subject: Guid.NewGuid().ToString(), lifetime: lifetime, client: TestTokens.WebClient);
}
