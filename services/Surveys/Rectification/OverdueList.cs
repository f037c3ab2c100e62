using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Rectification;

/// <summary>The open rectifications the watch found past their deadline, in the caller's unit, county by county, earliest deadline first.</summary>
public static class OverdueList
{
    /// <returns>Null when <paramref name="unitId"/> is not the caller's (404).</returns>
    public static async Task<IQueryable<OverdueProblemResponse>?> OverdueAsync(this SurveysDb db, ReplicaScope scope, Guid? unitId, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return null;
        }

        return db.Problems.AsNoTracking()
            .Where(p => p.OverdueAt != null && (p.Stage == RectificationStage.Assigned || p.Stage == RectificationStage.InProgress)
                        && units.Any(u => u.Id == p.UnitId))
            .Select(p => new
            {
                Problem = p,
                CountyCode = db.Units.Where(u => u.Id == p.CountyId).Select(u => u.Code).FirstOrDefault(),
                CountyName = db.Units.Where(u => u.Id == p.CountyId).Select(u => u.Name).FirstOrDefault(),
                ResponsibleUnitName = db.Units.Where(u => u.Id == p.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
            })
            .OrderBy(x => x.CountyCode).ThenBy(x => x.Problem.Deadline).ThenBy(x => x.Problem.Id)
            .Select(x => new OverdueProblemResponse(
                x.Problem.Id, x.Problem.CampaignId, x.Problem.CountyId, x.CountyCode, x.CountyName, x.Problem.OrganizationCode, x.Problem.OrganizationName, x.Problem.Category,
                x.Problem.Stage, x.Problem.ResponsibleUnitId, x.ResponsibleUnitName, x.Problem.Deadline, x.Problem.OverdueAt));
    }
}
