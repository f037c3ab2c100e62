using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Deadline;
using PartyPlatform.Venues.Ledger;
using PartyPlatform.Venues.Projects;
using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Data;

public static class VenuesDataExtensions
{
    public const string ConnectionName = "venuesdb";

    /// <summary>Units published per transaction at start: each takes its figures lock until the commit.</summary>
    private const int UnpublishedBatch = 500;

    public static IHostApplicationBuilder AddVenuesData(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDbContext<VenuesDb>(ConnectionName);
        builder.Services.Configure<CampaignDefaults>(builder.Configuration.GetSection(CampaignDefaults.Section));
        builder.Services.AddScoped<CoverageTracker>();
        builder.AddWatch<DeadlineCheck>("Venues:DeadlineWatch", (check, ct) => check.RunAsync(ct));
        builder.AddWatch<ScheduleCheck>("Venues:ScheduleWatch", (check, ct) => check.RunAsync(ct));
        builder.Services.Configure<LedgerOptions>(builder.Configuration.GetSection(LedgerOptions.Section));
        return builder;
    }

    /// <summary>
    /// Migrates, then writes the configured campaign terms and first checklist into an empty
    /// database (publishing the terms), and publishes the figures of units that have none yet.
    /// </summary>
    public static async Task PrepareVenuesDbAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VenuesDb>();
        await db.MigrateAsync();

        var defaults = scope.ServiceProvider.GetRequiredService<IOptions<CampaignDefaults>>().Value;
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await db.Campaigns.AnyAsync())
        {
            var campaign = Campaign.Campaign.Create(defaults.Campaign);
            db.Campaigns.Add(campaign);
            db.PublishOnCommit(campaign.ToEvent(now));
        }

        if (!await db.Checklists.AnyAsync())
        {
            db.Checklists.Add(ChecklistVersion.Publish(1, defaults.ChecklistTitle, DateOnly.MinValue, defaults.Checklist, "configuration", now));
        }

        await db.SaveChangesAsync();

        // Units whose figures were never published (no write has touched them since Venues began to publish them: funding
        // of townships and up, a village's own coverage) get their first figures here, a batch of units per transaction.
        var unpublished = await db.Units.Where(u => !u.Retired)
            .Where(u => (u.Level == UnitLevel.Township || u.Level == UnitLevel.County || u.Level == UnitLevel.City) && !db.FundingSnapshots.Any(s => s.UnitId == u.Id)
                        || u.Kind == UnitKind.Village && !db.CoverageSnapshots.Any(s => s.UnitId == u.Id))
            .Select(u => u.Id).ToListAsync();
        var tracker = scope.ServiceProvider.GetRequiredService<CoverageTracker>();
        foreach (var batch in unpublished.Chunk(UnpublishedBatch))
        {
            await tracker.SaveChangesAsync(batch, default);
        }
    }
}
