using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Funding;

namespace PartyPlatform.Venues.Consumers;

/// <summary>
/// Publishes Venues' current facts again (see <see cref="VenueFactsReplayRequested"/>). Nothing
/// changes here: versions and fact ids are the ones already published, so consumers apply only
/// what they lack. A kind of fact whose copy the request says is current is left out.
/// </summary>
public sealed partial class VenueFactsReplayRequestedConsumer(VenuesDb db, TimeProvider time, ILogger<VenueFactsReplayRequestedConsumer> logger)
    : IConsumer<VenueFactsReplayRequested>, IInboxConsumer
{
    public static string Name => VenueFactsReplayRequested.Queue;

    public async Task Consume(ConsumeContext<VenueFactsReplayRequested> context)
    {
        var ct = context.CancellationToken;
        var held = context.Message.Held;
        var reckonings = await db.DeadlineReckonings.AsNoTracking().ToListAsync(ct);
        // Without figures (a rebuild by hand) everything is replayed, and nothing need be counted.
        var venuesStale = held is null || held.Venues != await db.Venues.DigestAsync(v => v.Version, ct);
        var coverageStale = held is null || held.Coverage != await db.CoverageSnapshots.DigestAsync(s => s.Version, ct);
        var shortfallsStale = held is null || held.DeadlineShortfalls != new CopyDigest(reckonings.Sum(r => r.Shortfalls.Count), 0);
        // A kind the sender leaves out is one it does not copy.
        var schedulesStale = held is null || (held.Schedules is { } schedules
            && schedules != await db.Venues.Where(v => v.ScheduleVersion > 0).DigestAsync(v => v.ScheduleVersion, ct));
        var fundingStale = held is null || (held.Funding is { } funding && funding != await db.FundingSnapshots.DigestAsync(s => s.Version, ct));
        var campaignStale = held is null || (held.Campaign is { } campaign && campaign != await db.Campaigns.DigestAsync(c => c.Version, ct));
        if (!(venuesStale || coverageStale || shortfallsStale || schedulesStale || fundingStale || campaignStale))
        {
            LogCurrent(logger, context.Message.RequestedBy);
            return;
        }

        var facts = 0;
        var applied = await db.ApplyOnceAsync(context, this, async ct =>
        {
            if (venuesStale)
            {
                var now = time.GetUtcNow();
                var venues = await db.Venues.AsNoTracking().ToListAsync(ct);
                venues.ForEach(venue => db.PublishOnCommit(venue.ToEvent(now)));
                facts += venues.Count;
            }

            if (coverageStale)
            {
                var coverage = await (
                        from snapshot in db.CoverageSnapshots
                        join unit in db.Units on snapshot.UnitId equals unit.Id
                        select new { snapshot, unit })
                    .AsNoTracking().ToListAsync(ct);
                coverage.ForEach(c => db.PublishOnCommit(new VenueCoverageChanged(
                    c.unit.Id, c.snapshot.Version, c.unit.Name, c.unit.Code, c.unit.Level, c.snapshot.Villages, c.snapshot.VillagesWithVenue,
                    CoverageFigures.Percent(c.snapshot.Villages, c.snapshot.VillagesWithVenue), c.snapshot.UpdatedAt)));
                facts += coverage.Count;
            }

            if (schedulesStale)
            {
                var now = time.GetUtcNow();
                var projects = await db.Venues.AsNoTracking().Where(v => v.ScheduleVersion > 0).ToListAsync(ct);
                projects.ForEach(project => db.PublishOnCommit(project.ToScheduleEvent(now)));
                facts += projects.Count;
            }

            if (fundingStale)
            {
                var funding = await (
                        from snapshot in db.FundingSnapshots
                        join unit in db.Units on snapshot.UnitId equals unit.Id
                        select new { snapshot, unit })
                    .AsNoTracking().ToListAsync(ct);
                funding.ForEach(f => db.PublishOnCommit(
                    new UnitFunding(f.unit, f.snapshot.Pledged, f.snapshot.Arrived, f.snapshot.Gap).ToEvent(f.snapshot.Version, f.snapshot.UpdatedAt)));
                facts += funding.Count;
            }

            if (campaignStale)
            {
                var campaign = await db.Campaigns.AsNoTracking().SingleAsync(ct);
                db.PublishOnCommit(campaign.ToEvent(time.GetUtcNow()));
                facts++;
            }

            if (shortfallsStale)
            {
                foreach (var reckoning in reckonings)
                {
                    reckoning.Shortfalls.ForEach(s => db.PublishOnCommit(s.ToFact(reckoning.Deadline, reckoning.ReckonedAt)));
                    facts += reckoning.Shortfalls.Count;
                }
            }
        });
        if (applied)
        {
            LogReplayed(logger, facts, context.Message.RequestedBy);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The copies of {RequestedBy} hold every current venue fact: nothing to replay")]
    private static partial void LogCurrent(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Facts} venue facts for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int facts, string requestedBy);
}
