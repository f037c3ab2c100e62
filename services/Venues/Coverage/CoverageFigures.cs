using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Venues.Coverage;

/// <summary>Venue coverage of a township, county or city.</summary>
public sealed record CoverageFigures(Guid UnitId, string Name, string? Code, UnitLevel Level, int Villages, int VillagesWithVenue)
{
    public int VillagesWithoutVenue => Villages - VillagesWithVenue;

    public decimal CoveragePercent => Percent(Villages, VillagesWithVenue);

    public bool IsFull => VillagesWithVenue == Villages;

    /// <summary>One decimal; a unit without villages has nothing left to build and counts as covered.</summary>
    public static decimal Percent(int villages, int withVenue) => villages == 0 ? 100m : Math.Round(100m * withVenue / villages, 1);

    /// <summary>Figures for each unit from the village rows under it.</summary>
    public static List<CoverageFigures> For(IEnumerable<UnitReplica> units, IReadOnlyCollection<VillageCoverage> villages) =>
        [.. units.Select(unit =>
        {
            var under = villages.Where(v => IsUnder(v, unit)).ToList();
            return new CoverageFigures(unit.Id, unit.Name, unit.Code, unit.Level, under.Count, under.Count(v => v.HasVenue));
        })];

    private static bool IsUnder(VillageCoverage village, UnitReplica unit) => unit.Level switch
    {
        UnitLevel.Township => village.TownshipId == unit.Id,
        UnitLevel.County => village.CountyId == unit.Id,
        UnitLevel.City => village.CityId == unit.Id,
        _ => village.VillageId == unit.Id,
    };
}
