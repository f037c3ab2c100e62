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
}
