using System.Buffers.Binary;
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
        var affected = await WithAncestorsAsync(touchedUnits, ct);
        if (affected.Count == 0)
        {
            return;
        }

        await LockAsync(affected, ct);
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

    /// <summary>
    /// Takes each unit's coverage lock until the transaction ends, so that two writes under one unit
    /// recount it one after the other: the second counts after the first committed, and no figure
    /// is published that was never true. Writes under other units do not wait. Every transaction
    /// locks in the same order (townships, counties, then the city, by id), so none waits on
    /// another in a circle; the city's lock, which every write shares, comes last and is held briefly.
    /// </summary>
    private async Task LockAsync(List<UnitReplica> units, CancellationToken ct)
    {
        foreach (var unit in units.OrderByDescending(u => u.Level).ThenBy(u => u.Id))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(unit.Id)})", ct);
        }
    }

    /// <summary>A unit's 64-bit lock key: its id folded in half (version 7 ids are random enough in both halves).</summary>
    public static long LockKey(Guid unitId)
    {
        Span<byte> bytes = stackalloc byte[16];
        unitId.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes) ^ BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]);
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
