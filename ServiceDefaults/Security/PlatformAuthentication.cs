using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PartyPlatform.Security;

public static class PlatformAuthentication
{
    public const string Audience = "partyplatform";
    public const string MetadataClient = "identity-metadata";

    /// <summary>
    /// Accepts Identity's JWTs (issuer <c>Identity:Issuer</c>, audience <c>partyplatform</c>, keys from
    /// Identity's discovery document, found through service discovery) and authorises every
    /// endpoint by default: a platform role is needed unless an endpoint says AllowAnonymous.
    /// </summary>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = builder.Configuration.GetSection("Identity");
        builder.Services.AddHttpClient(MetadataClient);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MetadataAddress = identity["MetadataAddress"] ?? "http://identity/.well-known/openid-configuration";
            // Inside the platform Identity is reached over the internal network; TLS ends at the gateway.
            options.RequireHttpsMetadata = false;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidIssuer = identity["Issuer"];
            options.TokenValidationParameters.ValidAudience = Audience;
            options.TokenValidationParameters.ValidTypes = ["at+jwt"];
            options.TokenValidationParameters.RoleClaimType = "role";
            options.TokenValidationParameters.NameClaimType = "name";
            // Tokens live minutes; a long skew would keep a disabled client working past its token.
            options.TokenValidationParameters.ClockSkew = identity.GetValue("ClockSkew", TimeSpan.FromSeconds(30));
        });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((options, clients) => options.Backchannel = clients.CreateClient(MetadataClient));

        var anyRole = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(PlatformRoles.All).Build();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(anyRole)
            .AddPolicy(PlatformPolicies.Read, anyRole)
            .AddPolicy(PlatformPolicies.Write, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.Writers))
            .AddPolicy(PlatformPolicies.CityAdministrator, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.CityAdministrator))
            .AddPolicy(PlatformPolicies.PersonalInformation, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.PersonnelOfficer));
        return builder;
    }
}
