using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Coverage;

/// <summary>A village, where it sits, and whether it counts as having a venue.</summary>
public sealed record VillageCoverage(Guid VillageId, string Name, string? Code, Guid? TownshipId, Guid? CountyId, Guid? CityId, bool HasVenue)
{
    /// <summary>The venue states from which a village has its venue (验收 passed).</summary>
    public static readonly VenueState[] CountingStates = [VenueState.Accepted, VenueState.InUse];

    /// <summary>
    /// One row per village of <paramref name="villages"/>. A village has a venue when its baseline
    /// says it already had a usable one, or when its new or renovated venue has passed acceptance.
    /// </summary>
    public static Task<List<VillageCoverage>> ListAsync(VenuesDb db, IQueryable<UnitReplica> villages, CancellationToken ct) =>
        (from village in villages
            join township in db.Units on village.ParentId equals township.Id into townships
            from township in townships.DefaultIfEmpty()
            join county in db.Units on township.ParentId equals county.Id into counties
            from county in counties.DefaultIfEmpty()
            select new VillageCoverage(
                village.Id,
                village.Name,
                village.Code,
                village.ParentId,
                township.ParentId,
                county.ParentId,
                db.Baselines.Any(b => b.VillageId == village.Id && b.HasUsableVenue)
                || db.Venues.Any(v => v.VillageId == village.Id && CountingStates.Contains(v.State))))
        .AsNoTracking()
        .ToListAsync(ct);
}
