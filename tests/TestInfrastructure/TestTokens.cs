using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PartyPlatform.Security;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// Tokens shaped like Identity's, signed by a key of the test process, for testing one service on its
/// own. A service under test is told to trust this key instead of fetching Identity's.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.test/";

    /// <summary>The demo city's code, where the city roles are bound.</summary>
    public const string CityCode = "610500000000";

    /// <summary>Ways a token can be refused at the door; <see cref="Bad"/> makes each.</summary>
    public static readonly string[] BadKinds = ["none", "expired", "another issuer", "another key", "edited payload", "alg none"];

    /// <summary>The web page's client id, which every person's token carries as <c>client_id</c>.</summary>
    public const string WebClient = "partyplatform-web";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>
    /// A system's token, as a county system gets with client credentials: its <c>sub</c> is its
    /// <c>client_id</c> (unless <paramref name="client"/> says otherwise, as in a person's token).
    /// </summary>
    public static string For(
        string role, string unitCode, string subject = "test-client", TimeSpan? lifetime = null, SecurityKey? signingKey = null,
        string issuer = Issuer, string? client = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = PlatformAuthentication.Audience,
            TokenType = "at+jwt",
            IssuedAt = lifetime < TimeSpan.Zero ? expires.AddMinutes(-5) : now,
            NotBefore = lifetime < TimeSpan.Zero ? expires.AddMinutes(-5) : now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", subject),
                new Claim("client_id", client ?? subject),
                new Claim("role", role),
                new Claim(CallerScope.UnitCodeClaim, unitCode),
            ]),
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A person's token, as the web page gets by authorization code: <c>sub</c> the person's id, <c>client_id</c> the web page.</summary>
    public static string ForPerson(string role, string unitCode, Guid person) => For(role, unitCode, person.ToString(), client: WebClient);

    public static string CityAdministrator() => For(PlatformRoles.CityAdministrator, CityCode);

    /// <summary>
    /// A city administrator's token spoilt as <paramref name="kind"/> says (one of <see cref="BadKinds"/>);
    /// null for "none". Made when a test runs: theory data may be enumerated by another process.
    /// </summary>
    public static string? Bad(string kind)
    {
        var parts = CityAdministrator().Split('.');
        return kind switch
        {
            "none" => null,
            "expired" => For(PlatformRoles.CityAdministrator, CityCode, lifetime: TimeSpan.FromMinutes(-2)),
            "another issuer" => For(PlatformRoles.CityAdministrator, CityCode, issuer: "https://elsewhere.test/"),
            "another key" => For(PlatformRoles.CityAdministrator, CityCode, signingKey: new RsaSecurityKey(RSA.Create(2048))),
            "edited payload" => $"{parts[0]}.{Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("CityAdministrator", "CityOperator!"))}.{parts[2]}",
            "alg none" => $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""")}.{parts[1]}.",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Makes the service's JwtBearer trust <see cref="Issuer"/> and the test key, with no metadata to fetch.</summary>
    public static IServiceCollection TrustTestTokens(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // JwtBearer made a manager for Identity's metadata already; replace it so nothing is fetched.
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.IssuerSigningKey = Key;
        });
}
