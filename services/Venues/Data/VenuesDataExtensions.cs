using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.Auditing;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Deadline;
using PartyPlatform.Venues.Ledger;
using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Data;

public static class VenuesDataExtensions
{
    public const string ConnectionName = "venuesdb";

    public static IHostApplicationBuilder AddVenuesData(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<VenuesDb>(ConnectionName);
        builder.Services.Configure<CampaignDefaults>(builder.Configuration.GetSection(CampaignDefaults.Section));
        builder.Services.AddScoped<CoverageTracker>();
        builder.AddWatch<DeadlineCheck>("Venues:DeadlineWatch", (check, ct) => check.RunAsync(ct));
        builder.Services.Configure<LedgerOptions>(builder.Configuration.GetSection(LedgerOptions.Section));
        return builder;
    }

    /// <summary>Migrates, then writes the configured campaign terms and first checklist into an empty database.</summary>
    public static async Task PrepareVenuesDbAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VenuesDb>();
        await db.MigrateAsync();

        var defaults = scope.ServiceProvider.GetRequiredService<IOptions<CampaignDefaults>>().Value;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await db.Campaigns.AnyAsync())
        {
            db.Campaigns.Add(Campaign.Campaign.Create(defaults.Campaign));
        }

        if (!await db.Checklists.AnyAsync())
        {
            db.Checklists.Add(ChecklistVersion.Publish(1, defaults.ChecklistTitle, DateOnly.MinValue, defaults.Checklist, "configuration", now));
        }

        await db.SaveChangesAsync();
    }
}
