using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.WatchList;

/// <summary>
/// Another service's verdict on a village (Surveys' 后进, Assessments' 较差) put on or taken off the election watch
/// list as <see cref="WatchListKind.Backward"/>, kept by the fact's id: one entry per fact, reopened when the
/// fact turns backward again, and never a second open entry for the village from the same source.
/// </summary>
public static class WatchListFacts
{
    /// <summary>
    /// Watches the village when <paramref name="backward"/> (in service only), else clears the fact's open entry;
    /// publishes the entry when it changed.
    /// </summary>
    public static async Task ApplyWatchListFactAsync(
        this PersonnelDb db, WatchListSource source, Guid factId, Guid unitId, bool backward, string reason, DateOnly today, DateTimeOffset now,
        CancellationToken ct)
    {
        var entry = await db.WatchList.FirstOrDefaultAsync(e => e.Source == source && e.FactId == factId, ct);
        if (backward)
        {
            if (!await db.Units.AnyAsync(u => u.Id == unitId && u.Level == UnitLevel.Village && !u.Retired, ct))
            {
                return;
            }

            if (entry is { IsOpen: false })
            {
                entry.Reopen(reason, today);
            }
            else if (entry is null && !await db.WatchList.AnyAsync(
                         e => e.UnitId == unitId && e.Kind == WatchListKind.Backward && e.Source == source && e.ClearedOn == null, ct))
            {
                entry = WatchListEntry.FlagFromFact(unitId, WatchListKind.Backward, source, factId, reason, today);
                db.WatchList.Add(entry);
            }
            else
            {
                return; // watched already, for this fact or another one of the same source
            }
        }
        else if (entry is { IsOpen: true })
        {
            entry.Clear(reason, today);
        }
        else
        {
            return;
        }

        db.PublishOnCommit(entry.ToEvent(now));
    }
}
