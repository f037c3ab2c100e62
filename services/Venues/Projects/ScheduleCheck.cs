using Microsoft.EntityFrameworkCore;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Projects;

/// <summary>
/// Marks each project whose milestone's planned day passed unmet as behind schedule, once, and
/// publishes it: a project falls behind with time, not with a write. Putting it back on schedule is
/// the write's job (<see cref="VenueLifecycle.FollowSchedulesAsync"/>). Venues first seen here (planned before
/// schedules were published) get their first schedule state.
/// </summary>
public sealed partial class ScheduleCheck(VenuesDb db, TimeProvider time, ILogger<ScheduleCheck> logger)
{
    private const int MaxAttempts = 3;

    public async Task RunAsync(CancellationToken ct)
    {
        // A write that changed one of these venues after they were read fails the save on the venue's
        // version (the schedule columns it leaves alone, or follows itself): read again and mark what is still stale.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MarkAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task MarkAsync(CancellationToken ct)
    {
        var today = await db.TodayAsync(time, ct);
        var now = time.GetUtcNow();
        var stale = await db.Venues.Where(Venue.ScheduleStaleOn(today)).OrderBy(v => v.Id).ToListAsync(ct);
        stale.ForEach(venue => VenueLifecycle.PublishSchedule(db, venue, today, now));
        await db.SaveChangesAsync(ct);
        if (stale.Count > 0)
        {
            LogMarked(logger, stale.Count(v => v.LateMilestoneOrder is not null), stale.Count, today);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule check: {Behind} of {Moved} projects whose state moved are behind schedule on {Today}")]
    private static partial void LogMarked(ILogger logger, int behind, int moved, DateOnly today);
}
