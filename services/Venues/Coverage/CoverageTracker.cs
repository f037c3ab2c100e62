using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Coverage;

/// <summary>
/// Keeps each township's, county's and city's published coverage in step with the data: after a
/// write that can move it, the figures of the units above the touched villages are recomputed
/// and each one that moved publishes <see cref="VenueCoverageChanged"/> in the same transaction.
/// </summary>
public sealed class CoverageTracker(VenuesDb db, TimeProvider time)
{
    // Coverage writes take turns, so that two writes in one township cannot both compute from
    // what the other has not committed yet (and publish a figure that was never true).
    private const long CoverageLock = 0x5645_4E55_4553; // "VENUES"

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
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CoverageLock})", ct);
        var affected = await WithAncestorsAsync(touchedUnits, ct);
        if (affected.Count == 0)
        {
            return;
        }

        var roots = affected.Where(u => !affected.Any(a => a.Id == u.ParentId)).Select(u => u.Id).ToArray();
        var villages = await VillageCoverage.ListAsync(db, db.Units.Subtrees(roots).Where(u => u.Kind == UnitKind.Village), ct);
        var ids = affected.Select(u => u.Id).ToArray();
        var snapshots = await db.CoverageSnapshots.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        var now = time.GetUtcNow();
        foreach (var figures in CoverageFigures.For(affected, villages))
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

    /// <summary>The touched units that are townships, counties or cities, and every one of their ancestors; not retired.</summary>
    private async Task<List<UnitReplica>> WithAncestorsAsync(IReadOnlyCollection<Guid> touchedUnits, CancellationToken ct)
    {
        var found = new Dictionary<Guid, UnitReplica>();
        var next = touchedUnits.Distinct().ToArray();
        while (next.Length > 0)
        {
            var units = await db.Units.AsNoTracking().Where(u => next.Contains(u.Id)).ToListAsync(ct);
            foreach (var unit in units)
            {
                found.TryAdd(unit.Id, unit);
            }

            next = [.. units.Where(u => u.ParentId is { } parent && !found.ContainsKey(parent)).Select(u => u.ParentId!.Value).Distinct()];
        }

        return [.. found.Values.Where(u => u.Level is UnitLevel.City or UnitLevel.County or UnitLevel.Township && !u.Retired)];
    }
}
