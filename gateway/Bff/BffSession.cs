using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PartyPlatform.Gateway.PublicAddress;
using PartyPlatform.Security;

namespace PartyPlatform.Gateway.Bff;

/// <summary>
/// The gateway as the web page's backend for the front end (OAuth 2.0 for Browser-Based Apps): it signs a
/// person in with Identity's authorization code + PKCE flow as the public client <c>partyplatform-web</c>
/// and keeps the tokens in an encrypted, HTTP-only session cookie. The page's JavaScript never holds a
/// token. The JwtBearer scheme stays the default, so county systems are checked exactly as before.
/// </summary>
public static class BffSession
{
    public const string CookieScheme = "bff-session";
    public const string SignInScheme = "bff-oidc";

    /// <summary>Identity's sign-in form, which the browser must reach at the platform's public address.</summary>
    public static readonly PathString AuthorizePath = "/connect/authorize";

    public static WebApplicationBuilder AddBffSession(this WebApplicationBuilder builder)
    {
        var bff = BffOptions.FromConfiguration(builder.Configuration);
        var https = PublicBaseUrl.FromConfiguration(builder.Configuration)?.Scheme == Uri.UriSchemeHttps;
        var identity = builder.Configuration.GetSection("Identity");
        builder.Services.AddSingleton(bff);
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddHttpClient(UnitLookup.ClientName, http => http.BaseAddress = new Uri("http://organizations"));
        builder.Services.AddSingleton<UnitLookup>();

        // Session cookies are encrypted with these keys: kept on disk, a restart of the gateway signs nobody out.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("PartyPlatform.Gateway");
        if (bff.KeysDirectory is { } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, options =>
            {
                // __Host-: only over HTTPS, for this host and path "/" only, so no sibling domain can plant or read it.
                options.Cookie.Name = https ? "__Host-partyplatform-session" : "partyplatform-session";
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                // Strict: the page, the sign-in form and the callback are all on the gateway's own site, so no
                // legitimate request that needs the session ever comes from another site.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = bff.SessionLifetime;
                options.SlidingExpiration = false;
                // An XHR gets a status, never a redirect to a sign-in page it cannot follow.
                options.Events.OnRedirectToLogin = context => WriteStatusAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => WriteStatusAsync(context.HttpContext, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(SignInScheme, options =>
            {
                options.SignInScheme = CookieScheme;
                options.ClientId = bff.ClientId;
                options.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in a plain GET redirect: no cross-site form post, so the correlation and nonce cookies can be Lax.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
                options.Scope.Clear();
                foreach (var scope in bff.Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.CallbackPath = bff.CallbackPath;
                options.SaveTokens = true;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.ValidIssuer = identity["Issuer"];
                // Metadata, keys and the token endpoint at Identity's internal address; only the browser needs the public one.
                options.MetadataAddress = identity["MetadataAddress"] ?? "http://identity/.well-known/openid-configuration";
                options.RequireHttpsMetadata = false;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy =
                    https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    var request = context.Request;
                    context.ProtocolMessage.IssuerAddress = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, AuthorizePath);
                    return Task.CompletedTask;
                };
                options.Events.OnRemoteFailure = async context =>
                {
                    context.HandleResponse();
                    await WriteProblemAsync(context.HttpContext, SessionProblems.SignInFailed());
                };
            });
        builder.Services.AddOptions<OpenIdConnectOptions>(SignInScheme)
            .Configure<IHttpClientFactory>((options, clients) => options.Backchannel = clients.CreateClient(PlatformAuthentication.MetadataClient));
        return builder;
    }

    /// <summary>A ProblemDetails answer outside an endpoint, with the platform's usual fields (correlation id included).</summary>
    public static async Task WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static Task WriteStatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
