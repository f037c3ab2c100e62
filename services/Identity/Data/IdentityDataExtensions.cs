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
        // Keys and issued tokens are not data anyone edits; secrets never enter the audit, only that they changed.
        builder.AddPlatformDbContext<IdentityDb>(
            ConnectionName,
            audit => audit
                .Ignore(typeof(ServerKey), typeof(OpenIddictEntityFrameworkCoreToken), typeof(OpenIddictEntityFrameworkCoreAuthorization))
                .Redact(nameof(Person.PasswordHash), nameof(OpenIddictEntityFrameworkCoreApplication.ClientSecret)),
            options => options.UseOpenIddict());
        return builder;
    }
}
