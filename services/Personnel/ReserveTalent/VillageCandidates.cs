using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.ReserveTalent;

/// <summary>
/// A village or community, where it sits, and how many reserve-talent candidates it has running; a query, so
/// that the shortfall is counted, filtered, summed and paged in SQL (one statement at city scale).
/// </summary>
public sealed class VillageCandidates
{
    public Guid VillageId { get; init; }

    public string Name { get; init; } = "";

    public string? Code { get; init; }

    public Guid? TownshipId { get; init; }

    public string? TownshipName { get; init; }

    public Guid? CountyId { get; init; }

    public int Candidates { get; init; }

    /// <summary>One row per village or community (the village level, rural or urban) among <paramref name="units"/>.</summary>
    public static IQueryable<VillageCandidates> Of(PersonnelDb db, IQueryable<UnitReplica> units, DateOnly today)
    {
        var running = RunningCandidates.On(db, today);
        return
            from village in units.Where(u => u.Level == UnitLevel.Village)
            join township in db.Units on village.ParentId equals township.Id into townships
            from township in townships.DefaultIfEmpty()
            select new VillageCandidates
            {
                VillageId = village.Id,
                Name = village.Name,
                Code = village.Code,
                TownshipId = village.ParentId,
                TownshipName = township.Name,
                CountyId = township.ParentId,
                Candidates = running.Count(p => p.UnitId == village.Id),
            };
    }
}
