using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Coverage;

/// <summary>
/// Keeps each township's, county's and city's published coverage in step with the data: after a
/// write that can move it, the figures of the units above the touched villages (and only those)
/// are recounted and each one that moved publishes <see cref="VenueCoverageChanged"/> in the same transaction.
/// </summary>
public sealed class CoverageTracker(VenuesDb db, TimeProvider time)
{
    /// <summary>Saves the pending changes and the coverage they cause, in one transaction.</summary>
    public async Task SaveChangesAsync(IReadOnlyCollection<Guid> touchedUnits, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await PublishChangesAsync(touchedUnits, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Within the caller's transaction, with its changes saved: publishes the coverage of every
    /// township, county and city at or above <paramref name="touchedUnits"/> whose figures moved.
    /// </summary>
    public async Task PublishChangesAsync(IReadOnlyCollection<Guid> touchedUnits, CancellationToken ct)
    {
        var affected = await db.WithAncestorsAsync(touchedUnits, ct);
        if (affected.Count == 0)
        {
            return;
        }

        await db.LockFiguresAsync(affected, ct);
        var ids = affected.Select(u => u.Id).ToArray();
        var snapshots = await db.CoverageSnapshots.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        var now = time.GetUtcNow();
        foreach (var figures in await CoverageFigures.ForAsync(db, affected, ct))
        {
            if (!snapshots.TryGetValue(figures.UnitId, out var snapshot))
            {
                snapshot = CoverageSnapshot.For(figures.UnitId);
                db.CoverageSnapshots.Add(snapshot);
            }

            if (snapshot.Update(figures.Villages, figures.VillagesWithVenue, now))
            {
                db.PublishOnCommit(new VenueCoverageChanged(
                    figures.UnitId, snapshot.Version, figures.Name, figures.Code, figures.Level,
                    figures.Villages, figures.VillagesWithVenue, figures.CoveragePercent, now));
            }
        }
    }
}
