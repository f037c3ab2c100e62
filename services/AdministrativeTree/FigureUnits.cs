using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.AdministrativeTree;

/// <summary>
/// The units whose published figures (a township's, a county's, the city's) a write can move, and the
/// locks that make two writes under one unit recount it one after the other.
/// </summary>
public static class FigureUnits
{
    /// <summary>The touched units that are townships, counties or cities, and every one of their ancestors; not retired.</summary>
    public static async Task<List<UnitReplica>> WithAncestorsAsync(this DbContext db, IReadOnlyCollection<Guid> touchedUnits, CancellationToken ct)
    {
        var found = new Dictionary<Guid, UnitReplica>();
        var next = touchedUnits.Distinct().ToArray();
        while (next.Length > 0)
        {
            var units = await db.Set<UnitReplica>().AsNoTracking().Where(u => next.Contains(u.Id)).ToListAsync(ct);
            foreach (var unit in units)
            {
                found.TryAdd(unit.Id, unit);
            }

            next = [.. units.Where(u => u.ParentId is { } parent && !found.ContainsKey(parent)).Select(u => u.ParentId!.Value).Distinct()];
        }

        return [.. found.Values.Where(u => u.Level is UnitLevel.City or UnitLevel.County or UnitLevel.Township && !u.Retired)];
    }

    /// <summary>
    /// Takes each unit's figures lock until the transaction ends, so that two writes under one unit
    /// recount it one after the other: the second counts after the first committed, and no figure
    /// is published that was never true. Writes under other units do not wait. Every transaction
    /// locks in the same order (from the lowest level up: villages, townships, counties, then the city, by id), so none waits on
    /// another in a circle; the city's lock, which every write shares, comes last and is held briefly.
    /// </summary>
    public static async Task LockFiguresAsync(this DbContext db, IEnumerable<UnitReplica> units, CancellationToken ct)
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
}
