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
        // Unit history rows repeat changes the audit already records.
        builder.AddPlatformDbContext<OrganizationsDb>(ConnectionName, audit => audit.Ignore(typeof(UnitHistoryEntry)));
        builder.Services.AddScoped<UnitScope>();
        builder.Services.AddScoped<UnitImporter>();
        builder.Services.Configure<UnitImportOptions>(builder.Configuration.GetSection(UnitImportOptions.Section));
        builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
        return builder;
    }
}
