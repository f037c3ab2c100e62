using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Coverage;

/// <summary>
/// A village, where it sits, and whether it counts as having a venue; a query, so that coverage is
/// counted, filtered and paged in SQL.
/// </summary>
public sealed class VillageCoverage
{
    /// <summary>The venue states from which a village has its venue (验收 passed).</summary>
    public static readonly VenueState[] CountingStates = [VenueState.Accepted, VenueState.InUse];

    public Guid VillageId { get; init; }

    public string Name { get; init; } = "";

    public string? Code { get; init; }

    public Guid? TownshipId { get; init; }

    public Guid? CountyId { get; init; }

    public Guid? CityId { get; init; }

    public bool HasVenue { get; init; }

    /// <summary>
    /// One row per village of <paramref name="villages"/>. A village has a venue when its baseline
    /// says it already had a usable one, or when its new or renovated venue has passed acceptance.
    /// </summary>
    public static IQueryable<VillageCoverage> Of(VenuesDb db, IQueryable<UnitReplica> villages) =>
        from village in villages
        join township in db.Units on village.ParentId equals township.Id into townships
        from township in townships.DefaultIfEmpty()
        join county in db.Units on township.ParentId equals county.Id into counties
        from county in counties.DefaultIfEmpty()
        select new VillageCoverage
        {
            VillageId = village.Id,
            Name = village.Name,
            Code = village.Code,
            TownshipId = village.ParentId,
            CountyId = township.ParentId,
            CityId = county.ParentId,
            HasVenue = db.Baselines.Any(b => b.VillageId == village.Id && b.HasUsableVenue)
                       || db.Venues.Any(v => v.VillageId == village.Id && CountingStates.Contains(v.State)),
        };

    /// <summary>Every rural village of the tree that is not retired.</summary>
    public static IQueryable<VillageCoverage> All(VenuesDb db) => Of(db, db.Units.Where(u => u.Kind == UnitKind.Village && !u.Retired));
}
