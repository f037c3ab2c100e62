using Microsoft.EntityFrameworkCore;
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
        builder.Services.AddDbContext<OrganizationsDb>(options => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention());
        builder.Services.AddHealthChecks().AddDbContextCheck<OrganizationsDb>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddScoped<UnitImporter>();
        builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
        return builder;
    }
}
