using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Funding;

/// <summary>The money pledged for the venues of a township's, county's or city's villages, what of it arrived, and the gap.</summary>
public sealed record UnitFunding(UnitReplica Unit, decimal Pledged, decimal Arrived, decimal Gap)
{
    public VenueFundingChanged ToEvent(long version, DateTimeOffset now) =>
        new(Unit.Id, version, Unit.Name, Unit.Code, Unit.Level, Pledged, Arrived, Gap, now);

    /// <summary>
    /// Figures for each of <paramref name="units"/> (townships, counties, cities), summed in SQL per
    /// level over the funding lines of the villages under them; zeros where nothing is funded.
    /// The gap is each line's unarrived rest, as <see cref="FundingTotals"/> counts it.
    /// </summary>
    public static async Task<List<UnitFunding>> ForAsync(VenuesDb db, IReadOnlyCollection<UnitReplica> units, CancellationToken ct)
    {
        var lines =
            from line in db.FundingLines
            join venue in db.Venues on line.VenueId equals venue.Id
            join village in VillageCoverage.All(db) on venue.VillageId equals village.VillageId
            select new { village.TownshipId, village.CountyId, village.CityId, line.Pledged, line.Arrived };
        var sums = new Dictionary<Guid, UnitFunding>();
        foreach (var level in units.Select(u => u.Level).Distinct())
        {
            var ids = units.Where(u => u.Level == level).Select(u => (Guid?)u.Id).ToList();
            var perUnit = level switch
            {
                UnitLevel.Township => lines.Where(l => ids.Contains(l.TownshipId)).GroupBy(l => l.TownshipId),
                UnitLevel.County => lines.Where(l => ids.Contains(l.CountyId)).GroupBy(l => l.CountyId),
                UnitLevel.City => lines.Where(l => ids.Contains(l.CityId)).GroupBy(l => l.CityId),
                _ => throw new ArgumentOutOfRangeException(nameof(units), level, "Funding is summed for townships, counties and cities."),
            };
            var found = await perUnit
                .Select(g => new
                {
                    UnitId = g.Key!.Value,
                    Pledged = g.Sum(l => l.Pledged),
                    Arrived = g.Sum(l => l.Arrived),
                    Gap = g.Sum(l => l.Pledged > l.Arrived ? l.Pledged - l.Arrived : 0m),
                })
                .ToListAsync(ct);
            found.ForEach(f => sums[f.UnitId] = new UnitFunding(units.First(u => u.Id == f.UnitId), f.Pledged, f.Arrived, f.Gap));
        }

        return [.. units.Select(u => sums.GetValueOrDefault(u.Id) ?? new UnitFunding(u, 0, 0, 0))];
    }
}
