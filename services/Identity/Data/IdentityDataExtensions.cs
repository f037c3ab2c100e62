using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using PartyPlatform.Auditing;
using PartyPlatform.Identity.People;
using PartyPlatform.Identity.Tokens;

namespace PartyPlatform.Identity.Data;

public static class IdentityDataExtensions
{
    public const string ConnectionName = "identitydb";

    public static IHostApplicationBuilder AddIdentityData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
                               ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing.");
        // Keys and issued tokens are not data anyone edits; secrets never enter the audit, only that they changed.
        builder.Services.AddAuditing(audit => audit
            .Ignore(typeof(ServerKey), typeof(OpenIddictEntityFrameworkCoreToken), typeof(OpenIddictEntityFrameworkCoreAuthorization))
            .Redact(nameof(Person.PasswordHash), nameof(OpenIddictEntityFrameworkCoreApplication.ClientSecret)));
        builder.Services.AddDbContext<IdentityDb>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict()
            .AddInterceptors(services.GetRequiredService<AuditInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<IdentityDb>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
