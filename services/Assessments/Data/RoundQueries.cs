using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Assessments.Data;

public static class RoundQueries
{
    /// <summary>A round's organisations on <paramref name="units"/> that are still in service: a merge's retired ones are history, not owed a grade.</summary>
    public static IQueryable<RoundOrganization> InService(this AssessmentsDb db, Guid roundId, IQueryable<UnitReplica> units) =>
        db.RoundOrganizations.Where(o => o.RoundId == roundId && units.Any(u => u.Id == o.UnitId)
                                         && db.PartyOrganizations.Any(p => p.Id == o.OrganizationId && !p.Retired));

    /// <summary>The city's unit in the tree copy; null before the tree has arrived.</summary>
    public static Task<Guid?> CityIdAsync(this AssessmentsDb db, CancellationToken ct) =>
        db.Units.Where(u => u.Level == UnitLevel.City && !u.Retired).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The unit a figure is asked for: the one named, else the caller's, else the city; null when the named unit is
    /// missing or outside the caller's unit (404).
    /// </summary>
    public static async Task<UnitReplica?> FigureUnitAsync(this AssessmentsDb db, ReplicaScope scope, Guid? unitId, CancellationToken ct)
    {
        var target = unitId ?? await scope.CallerUnitAsync(ct) ?? await db.CityIdAsync(ct);
        return target is null || await scope.UnitsUnderAsync(target, ct) is null ? null : await db.Units.AsNoTracking().FirstAsync(u => u.Id == target, ct);
    }
}
