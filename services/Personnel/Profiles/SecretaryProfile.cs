using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Profiles;

/// <summary>The village secretaries of a township, county or the city, counted (see <see cref="VillageSecretaryProfileChanged"/>).</summary>
public sealed record SecretaryProfile(
    UnitReplica Unit,
    int Villages,
    int Secretaries,
    int AlsoDirector,
    SortedDictionary<string, int> ByEducation,
    SortedDictionary<string, int> BySource,
    SortedDictionary<int, int> ByBirthYear)
{
    /// <summary>
    /// The profile of each of <paramref name="units"/> (townships, counties, cities), in their order: one
    /// query for the villages under them with their secretary and director in post, counted here. A city
    /// has about 3,000 villages, one row each.
    /// </summary>
    public static async Task<List<SecretaryProfile>> ForAsync(PersonnelDb db, IReadOnlyCollection<UnitReplica> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToArray();
        var secretaries = db.Posts.Where(p => p.Kind == PostKind.VillageSecretary && p.End == null);
        var directors = db.Posts.Where(p => p.Kind == PostKind.VillageCommitteeDirector && p.End == null);
        var rows = await (
                from village in db.Units.Where(u => u.Level == UnitLevel.Village && !u.Retired)
                join township in db.Units on village.ParentId equals township.Id
                join county in db.Units on township.ParentId equals county.Id
                where ids.Contains(township.Id) || ids.Contains(county.Id) || ids.Contains(county.ParentId!.Value)
                join secretary in secretaries on village.Id equals secretary.UnitId into held
                from secretary in held.DefaultIfEmpty()
                join person in db.People on secretary.PersonId equals person.Id into people
                from person in people.DefaultIfEmpty()
                select new
                {
                    TownshipId = township.Id,
                    CountyId = county.Id,
                    CityId = county.ParentId,
                    Secretary = person == null ? null : new { person.Education, person.Source, person.BirthDate.Year },
                    AlsoDirector = person != null && directors.Any(d => d.UnitId == village.Id && d.PersonId == person.Id),
                })
            .AsNoTracking().ToListAsync(ct);

        return [.. units.Select(unit =>
        {
            var under = rows.Where(r => r.TownshipId == unit.Id || r.CountyId == unit.Id || r.CityId == unit.Id).ToList();
            var held = under.Where(r => r.Secretary is not null).Select(r => r.Secretary!).ToList();
            return new SecretaryProfile(
                unit,
                under.Count,
                held.Count,
                under.Count(r => r.AlsoDirector),
                new SortedDictionary<string, int>(held.GroupBy(s => s.Education.ToString()).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
                new SortedDictionary<string, int>(held.GroupBy(s => s.Source.ToString()).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
                new SortedDictionary<int, int>(held.GroupBy(s => s.Year).ToDictionary(g => g.Key, g => g.Count())));
        })];
    }
}
