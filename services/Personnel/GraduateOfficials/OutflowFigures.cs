using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>Where college-graduate officials go (五条出路), per county: counted in the database over the caller's units.</summary>
public static class OutflowFigures
{
    public static async Task<List<CountyOutflow>> ForAsync(PersonnelDb db, IQueryable<UnitReplica> units, int year, DateOnly today, CancellationToken ct)
    {
        if (year is < 1900 or > 9998)
        {
            throw new RuleViolationException("year", $"{year} is not a year the figures cover.");
        }

        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var servingOn = year == today.Year ? today : last;
        var serving = await InCounties(db, units, db.GraduateOfficials.Where(GraduateOfficial.ServingOn(servingOn)))
            .GroupBy(o => o.CountyId).Select(g => new { CountyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CountyId, g => g.Count, ct);
        var exits = await InCounties(db, units, db.GraduateOfficials.Where(o => o.ExitOn >= first && o.ExitOn <= last))
            .GroupBy(o => new { o.CountyId, o.ExitPath }).Select(g => new { g.Key.CountyId, g.Key.ExitPath, Count = g.Count() })
            .ToListAsync(ct);

        // Every county of the caller's units, with or without officials; a township caller sees its own county's row, counted over its units.
        var countyIds = serving.Keys.Concat(exits.Select(e => e.CountyId)).Distinct().ToArray();
        var counties = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.County && (units.Any(s => s.Id == u.Id) || countyIds.Contains(u.Id)))
            .OrderBy(u => u.Code).ThenBy(u => u.Id).ToListAsync(ct);
        return counties.ConvertAll(county =>
        {
            var byPath = Enum.GetValues<GraduateOfficialExitPath>()
                .Select(path => new ExitCount(path, exits.Where(e => e.CountyId == county.Id && e.ExitPath == path).Sum(e => e.Count)))
                .ToList();
            return new CountyOutflow(county.Id, county.Name, county.Code, year, servingOn, serving.GetValueOrDefault(county.Id), byPath.Sum(e => e.Count), byPath);
        });
    }

    // An official's county is the parent of the parent of the village: officials sit on villages and communities.
    private static IQueryable<CountyOfficial> InCounties(PersonnelDb db, IQueryable<UnitReplica> units, IQueryable<GraduateOfficial> officials) =>
        from official in officials.AsNoTracking()
        join village in units on official.UnitId equals village.Id
        join township in db.Units on village.ParentId equals township.Id
        select new CountyOfficial { CountyId = township.ParentId!.Value, ExitPath = official.ExitPath };

    private sealed class CountyOfficial
    {
        public required Guid CountyId { get; init; }

        public required GraduateOfficialExitPath? ExitPath { get; init; }
    }
}
