using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Organizations.Scope;
using PartyPlatform.Organizations.Units;
using PartyPlatform.Organizations.DemoData;
using PartyPlatform.Organizations.Imports;

namespace PartyPlatform.Organizations.Data;

public static class OrganizationsDataExtensions
{
    public const string ConnectionName = "organizationsdb";

    public static IHostApplicationBuilder AddOrganizationsData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
                               ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing.");
        // Unit history rows repeat changes the audit already records.
        builder.Services.AddAuditing(audit => audit.Ignore(typeof(UnitHistoryEntry)));
        builder.Services.AddDbContext<OrganizationsDb>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<AuditInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<OrganizationsDb>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddScoped<UnitScope>();
        builder.Services.AddScoped<UnitImporter>();
        builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
        return builder;
    }
}
