using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Consumers;

/// <summary>
/// Publishes Venues' current facts again (see <see cref="VenueFactsReplayRequested"/>). Nothing
/// changes here: versions and fact ids are the ones already published, so consumers apply only
/// what they lack.
/// </summary>
public sealed partial class VenueFactsReplayRequestedConsumer(VenuesDb db, TimeProvider time, ILogger<VenueFactsReplayRequestedConsumer> logger)
    : IConsumer<VenueFactsReplayRequested>, IInboxConsumer
{
    public static string Name => VenueFactsReplayRequested.Queue;

    public async Task Consume(ConsumeContext<VenueFactsReplayRequested> context)
    {
        var facts = 0;
        var applied = await db.ApplyOnceAsync(context, this, async ct =>
        {
            var now = time.GetUtcNow();
            var venues = await db.Venues.AsNoTracking().ToListAsync(ct);
            venues.ForEach(venue => db.PublishOnCommit(venue.ToEvent(now)));

            var coverage = await (
                    from snapshot in db.CoverageSnapshots
                    join unit in db.Units on snapshot.UnitId equals unit.Id
                    select new { snapshot, unit })
                .AsNoTracking().ToListAsync(ct);
            coverage.ForEach(c => db.PublishOnCommit(new VenueCoverageChanged(
                c.unit.Id, c.snapshot.Version, c.unit.Name, c.unit.Code, c.unit.Level, c.snapshot.Villages, c.snapshot.VillagesWithVenue,
                CoverageFigures.Percent(c.snapshot.Villages, c.snapshot.VillagesWithVenue), c.snapshot.UpdatedAt)));

            var reckonings = await db.DeadlineReckonings.AsNoTracking().ToListAsync(ct);
            foreach (var reckoning in reckonings)
            {
                reckoning.Shortfalls.ForEach(s => db.PublishOnCommit(s.ToFact(reckoning.Deadline, reckoning.ReckonedAt)));
            }

            facts = venues.Count + coverage.Count + reckonings.Sum(r => r.Shortfalls.Count);
        });
        if (applied)
        {
            LogReplayed(logger, facts, context.Message.RequestedBy);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Facts} venue facts for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int facts, string requestedBy);
}
