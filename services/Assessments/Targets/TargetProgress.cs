using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Targets;

public static class TargetProgress
{
    /// <summary>A unit's results so far against the targets it is held to; the county assessment scores its grading indicator from them.</summary>
    public static async Task<UnitTargetProgress> TargetProgressAsync(
        this AssessmentsDb db, Guid roundId, UnitReplica unit, GradingTarget target, bool ownTargets, CancellationToken ct)
    {
        var rows = await (
            from o in db.InService(roundId, db.Units.Subtrees([unit.Id]))
            join g in db.Gradings on new { o.RoundId, o.OrganizationId } equals new { g.RoundId, g.OrganizationId } into gradings
            from g in gradings.DefaultIfEmpty()
            let result = g != null && g.Step >= GradingStep.CountyDecided ? (Grade?)g.Grade : null
            group o by new { Result = result, Below = result != null && o.TargetGrade != null && result > o.TargetGrade } into c
            select new { c.Key.Result, c.Key.Below, Count = c.Count() }).ToListAsync(ct);
        var results = rows.Where(r => r.Result is not null).Sum(r => r.Count);
        var goodOrFairlyGood = rows.Where(r => r.Result is Grade.Good or Grade.FairlyGood).Sum(r => r.Count);
        var poor = rows.Where(r => r.Result is Grade.Poor).Sum(r => r.Count);
        var (goodShare, poorShare) = (Share.Percent(goodOrFairlyGood, results), Share.Percent(poor, results));
        return new UnitTargetProgress(unit.Id, unit.Name, TargetsResponse.From(target), ownTargets, rows.Sum(r => r.Count), results, goodOrFairlyGood, poor,
            goodShare, poorShare, target.IsMetBy(goodShare, poorShare), rows.Where(r => r.Below).Sum(r => r.Count));
    }
}
