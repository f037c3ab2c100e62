using Microsoft.EntityFrameworkCore;

namespace PartyPlatform.Identity.Data;

public static class IdentityDataExtensions
{
    public const string ConnectionName = "identitydb";

    public static IHostApplicationBuilder AddIdentityData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
                               ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing.");
        builder.Services.AddDbContext<IdentityDb>(options => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict());
        builder.Services.AddHealthChecks().AddDbContextCheck<IdentityDb>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
