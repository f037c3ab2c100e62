using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using static PartyPlatform.Gateway.Tests.GatewayCalls;

namespace PartyPlatform.Gateway.Tests;

/// <summary>
/// A web session's renewal: Identity reads the person's name, roles and unit again on every refresh and puts them in the
/// new id token, so the session takes them from it (the sign-in's claims are not kept for good). Identity is a stand-in
/// here, with its own signing key and discovery document, as the gateway finds the real one.
/// </summary>
public sealed class SessionRenewalTests
{
    private const string TownshipCode = "610502001000";

    [Fact]
    public async Task A_refresh_takes_the_persons_renamed_roles_and_unit_from_the_new_id_token_and_keeps_them_in_the_cookie()
    {
        var person = Guid.NewGuid();
        await using var identity = await StandInIdentity.StartAsync(key => IdToken(key, person, PlatformRoles.TownshipOperator, TownshipCode));
        await using var site = await WebSite.StartAsync(identity.Settings);
        var session = SessionCookies.For(site.Gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(-1), "refresh-1", person);

        var renewed = await GetUserAsync(site.Browser, session);
        var renewedCookie = SessionCookie(renewed);
        var again = await GetUserAsync(site.Browser, renewedCookie);

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(("东镇操作员", "linwei-operator", PlatformRoles.TownshipOperator, TownshipCode), await UserAsync(renewed));
        // Written back into the session: the next call shows the same without asking Identity again.
        Assert.Equal(("东镇操作员", "linwei-operator", PlatformRoles.TownshipOperator, TownshipCode), await UserAsync(again));
        Assert.Equal(["refresh-1"], identity.RefreshTokensSeen);
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("another person")]
    [InlineData("another audience")]
    public async Task An_id_token_that_does_not_pass_is_not_taken_and_the_session_keeps_its_person(string spoilt)
    {
        var person = Guid.NewGuid();
        await using var identity = await StandInIdentity.StartAsync(key => spoilt switch
        {
            "another key" => IdToken(new RsaSecurityKey(RSA.Create(2048)) { KeyId = key.KeyId }, person, PlatformRoles.CityAdministrator, TestTokens.CityCode),
            "another person" => IdToken(key, Guid.NewGuid(), PlatformRoles.CityAdministrator, TestTokens.CityCode),
            _ => IdToken(key, person, PlatformRoles.CityAdministrator, TestTokens.CityCode, audience: "another-client"),
        });
        await using var site = await WebSite.StartAsync(identity.Settings);
        var session = SessionCookies.For(site.Gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(-1), "refresh-1", person);

        var response = await GetUserAsync(site.Browser, session);

        // The access token was renewed all the same; the person stays as signed in, never the token's other roles.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("临渭区操作员", "linwei-operator", PlatformRoles.CountyOperator, SessionCookies.CountyCode), await UserAsync(response));
        Assert.Equal(["refresh-1"], identity.RefreshTokensSeen);
    }

    [Fact]
    public async Task Signing_out_revokes_the_sessions_refresh_token_at_Identity_before_removing_the_cookie()
    {
        var person = Guid.NewGuid();
        await using var identity = await StandInIdentity.StartAsync(key => IdToken(key, person, PlatformRoles.CountyOperator, SessionCookies.CountyCode));
        await using var site = await WebSite.StartAsync(identity.Settings);
        var session = SessionCookies.For(site.Gateway, SessionCookies.CountyOperatorToken(), TimeSpan.FromMinutes(5), "refresh-1", person);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/logout");
        request.Headers.Add("Cookie", session);
        request.Headers.Add("X-CSRF", "1");
        var signedOut = await site.Browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(["partyplatform-web refresh_token refresh-1"], identity.TokensRevoked);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($"{SessionCookies.Name}=;", StringComparison.Ordinal));
    }

    private static string IdToken(SecurityKey key, Guid person, string role, string unitCode, string audience = "partyplatform-web")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", person.ToString()),
                new Claim("name", role == PlatformRoles.TownshipOperator ? "东镇操作员" : "市管理员"),
                new Claim("preferred_username", "linwei-operator"),
                new Claim("role", role),
                new Claim(CallerScope.UnitCodeClaim, unitCode),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<HttpResponseMessage> GetUserAsync(HttpClient browser, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bff/user");
        request.Headers.Add("Cookie", session);
        return await browser.SendAsync(request, Ct);
    }

    /// <summary>Name, user name, roles (joined, to compare as a value) and unit code.</summary>
    private static async Task<(string?, string?, string, string?)> UserAsync(HttpResponseMessage response)
    {
        var user = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (user.GetProperty("name").GetString(), user.GetProperty("userName").GetString(),
            string.Join(",", user.GetProperty("roles").EnumerateArray().Select(r => r.GetString())), user.GetProperty("unitCode").GetString());
    }

    /// <summary>The session cookie the gateway wrote back, as the browser sends it next.</summary>
    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith($"{SessionCookies.Name}=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>Identity's discovery document, its key set and a token endpoint that renews any refresh token with the id token given.</summary>
    private sealed class StandInIdentity : IAsyncDisposable
    {
        private readonly WebApplication app;

        private StandInIdentity(WebApplication app) => this.app = app;

        public string Address => app.Urls.Single();

        public List<string> RefreshTokensSeen { get; } = [];

        public List<string> TokensRevoked { get; } = [];

        /// <summary>The gateway's settings that send it here for Identity's discovery document.</summary>
        public Dictionary<string, string?> Settings => new()
        {
            ["Identity:MetadataAddress"] = $"{Address}/.well-known/openid-configuration",
            ["Identity:Issuer"] = TestTokens.Issuer,
        };

        public static async Task<StandInIdentity> StartAsync(Func<SecurityKey, string> idToken)
        {
            var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "stand-in" };
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var identity = new StandInIdentity(app);

            app.MapGet("/.well-known/openid-configuration", () => TypedResults.Json(new Dictionary<string, string>
            {
                ["issuer"] = TestTokens.Issuer,
                ["authorization_endpoint"] = $"{identity.Address}/connect/authorize",
                ["token_endpoint"] = $"{identity.Address}/connect/token",
                ["revocation_endpoint"] = $"{identity.Address}/connect/revoke",
                ["jwks_uri"] = $"{identity.Address}/.well-known/jwks",
            }));
            app.MapGet("/.well-known/jwks", () =>
            {
                var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
                return TypedResults.Json(new
                {
                    keys = new[]
                    {
                        new
                        {
                            kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId,
                            n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                        },
                    },
                });
            });
            app.MapPost("/connect/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                lock (identity.RefreshTokensSeen)
                {
                    identity.RefreshTokensSeen.Add(form["refresh_token"].ToString());
                }

                return TypedResults.Json(new Dictionary<string, object>
                {
                    ["access_token"] = SessionCookies.CountyOperatorToken(),
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 300,
                    ["refresh_token"] = "refresh-2",
                    ["id_token"] = idToken(key),
                });
            });

            app.MapPost("/connect/revoke", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                lock (identity.TokensRevoked)
                {
                    identity.TokensRevoked.Add($"{form["client_id"]} {form["token_type_hint"]} {form["token"]}");
                }

                return TypedResults.Ok();
            });

            await app.StartAsync();
            return identity;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
