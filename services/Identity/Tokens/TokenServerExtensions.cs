using Microsoft.AspNetCore.Identity;
using OpenIddict.Server;
using PartyPlatform.Identity.Data;
using PartyPlatform.Identity.People;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Tokens;

public static class TokenServerExtensions
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string RevokePath = "/connect/revoke";
    public const string JwksPath = "/.well-known/jwks";

    /// <summary>
    /// OpenIddict's server on the EF Core store: client credentials for county systems, authorization
    /// code + PKCE (and refresh) for people, JWT access tokens signed with the persisted RSA key.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        builder.Services.Configure<IdentitySettings>(builder.Configuration.GetSection(IdentitySettings.Section));
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddSingleton<IPasswordHasher<Person>, PasswordHasher<Person>>();
        builder.Services.AddScoped<PasswordSignIn>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    // The web page's sign-out revokes its refresh token (OpenIddict answers it itself: no passthrough).
                    .SetRevocationEndpointUris(RevokePath.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(JwksPath.TrimStart('/'));

                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                // S256 only: a "plain" challenge is the verifier itself and protects nothing.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess)
                    .RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Role, Claims.ClientId, TokenClaims.UnitCode);

                if (settings.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));

                // Plain JWTs that every service (and the gateway) validates with the public key from the JWKS.
                server.DisableAccessTokenEncryption();

                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    // TLS ends at the gateway (or the ingress in front of it); the service itself listens on HTTP.
                    .DisableTransportSecurityRequirement();
            });

        // The keys come from the database (ServerKeyRing, loaded at start-up), never from a dev certificate or an ephemeral key.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<ServerKeyRing>((options, keys) =>
        {
            options.SigningCredentials.Add(keys.SigningCredentials
                                           ?? throw new InvalidOperationException("The signing key is not loaded: PrepareIdentityDbAsync must run before the first request."));
            options.EncryptionCredentials.Add(keys.EncryptingCredentials!);
        });

        return builder;
    }
}
