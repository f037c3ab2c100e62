using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Coverage;

/// <summary>Venue coverage of a rural village (one of one, or none), a township, a county or the city.</summary>
public sealed record CoverageFigures(Guid UnitId, string Name, string? Code, UnitLevel Level, int Villages, int VillagesWithVenue)
{
    public int VillagesWithoutVenue => Villages - VillagesWithVenue;

    public decimal CoveragePercent => Percent(Villages, VillagesWithVenue);

    public bool IsFull => VillagesWithVenue == Villages;

    /// <summary>One decimal; a unit without villages has nothing left to build and counts as covered.</summary>
    public static decimal Percent(int villages, int withVenue) => villages == 0 ? 100m : Math.Round(100m * withVenue / villages, 1);

    /// <summary>
    /// Figures for each of <paramref name="units"/> (rural villages, townships, counties, cities), in their order,
    /// counted in SQL: one grouped query per level, whatever the number of villages under them.
    /// </summary>
    public static async Task<List<CoverageFigures>> ForAsync(VenuesDb db, IReadOnlyCollection<UnitReplica> units, CancellationToken ct)
    {
        var counts = new Dictionary<Guid, (int Villages, int WithVenue)>();
        foreach (var level in units.Select(u => u.Level).Distinct())
        {
            var ids = units.Where(u => u.Level == level).Select(u => (Guid?)u.Id).ToList();
            var villages = VillageCoverage.All(db);
            var perUnit = level switch
            {
                UnitLevel.Village => villages.Where(v => ids.Contains(v.VillageId)).GroupBy(v => (Guid?)v.VillageId),
                UnitLevel.Township => villages.Where(v => ids.Contains(v.TownshipId)).GroupBy(v => v.TownshipId),
                UnitLevel.County => villages.Where(v => ids.Contains(v.CountyId)).GroupBy(v => v.CountyId),
                UnitLevel.City => villages.Where(v => ids.Contains(v.CityId)).GroupBy(v => v.CityId),
                _ => throw new ArgumentOutOfRangeException(nameof(units), level, "Coverage is counted for villages, townships, counties and cities."),
            };
            foreach (var unit in await perUnit.Select(g => new { UnitId = g.Key!.Value, Villages = g.Count(), WithVenue = g.Count(v => v.HasVenue) }).ToListAsync(ct))
            {
                counts[unit.UnitId] = (unit.Villages, unit.WithVenue);
            }
        }

        // A unit without villages has no group: zero of zero.
        return [.. units.Select(u =>
        {
            var (villages, withVenue) = counts.GetValueOrDefault(u.Id);
            return new CoverageFigures(u.Id, u.Name, u.Code, u.Level, villages, withVenue);
        })];
    }
}
