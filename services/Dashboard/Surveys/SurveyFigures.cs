using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>A campaign's organisations under one branch of a unit's subtree, summed.</summary>
public sealed record VisitCount(
    Guid BranchId, int Organizations, long Households, long Visited, long VisitedCounted, int BlankSpots, DateTimeOffset? UpdatedAt);

/// <summary>A campaign's problems (not suggestions) under one branch.</summary>
public sealed record ProblemCount(Guid BranchId, int Open, int Overdue, int Closed, DateTimeOffset? UpdatedAt);

/// <summary>A campaign's organisations of one class under one branch.</summary>
public sealed record ClassCount(Guid BranchId, OrganizationClass Class, int Count, DateTimeOffset UpdatedAt);

/// <summary>What the figures of a unit's subtree are summed from, one row per branch (see <see cref="UnitBranch"/>).</summary>
public sealed record SurveyCounts(List<VisitCount> Visits, List<ProblemCount> Problems, List<ClassCount> Classes)
{
    public SurveyCounts Branch(Guid branchId) => new(
        [.. Visits.Where(v => v.BranchId == branchId)], [.. Problems.Where(p => p.BranchId == branchId)], [.. Classes.Where(c => c.BranchId == branchId)]);
}

/// <summary>The survey figures, counted once for a unit and every unit one level below it: the survey API's and the overview's.</summary>
public static class SurveyFigures
{
    /// <summary>The campaigns of a unit in the caller's subtree or above it (a city's campaign covers every county).</summary>
    public static async Task<IQueryable<SurveyCampaignRecord>> VisibleCampaignsAsync(this DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var above = await scope.UnitsAboveAsync(ct);
        var units = await scope.UnitsAsync(ct);
        return db.SurveyCampaigns.AsNoTracking().Where(c => above.Contains(c.UnitId) || units.Any(u => u.Id == c.UnitId));
    }

    public static IQueryable<SurveyCampaignRecord> LatestFirst(this IQueryable<SurveyCampaignRecord> campaigns) =>
        campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.CampaignId);

    /// <summary>Three queries for the whole subtree of <paramref name="root"/>, each grouped by branch (a few thousand rows for the city).</summary>
    public static async Task<SurveyCounts> CountByBranchAsync(this DashboardDb db, Guid root, Guid? campaignId, CancellationToken ct)
    {
        var branches = db.BranchesUnder(root);
        var visits = await (
                from o in db.OrganizationVisits
                join unit in branches on o.UnitId equals unit.UnitId
                where o.CampaignId == campaignId && o.InScope
                group o by unit.BranchId into g
                select new VisitCount(
                    g.Key, g.Count(), g.Sum(o => (long?)o.Households) ?? 0, g.Sum(o => (long)o.VisitedHouseholds),
                    g.Where(o => o.Households != null).Sum(o => (long)o.VisitedHouseholds), g.Count(o => o.VisitedHouseholds == 0),
                    g.Max(o => (DateTimeOffset?)o.OccurredAt)))
            .ToListAsync(ct);
        var problems = await (
                from p in db.Problems
                join unit in branches on p.UnitId equals unit.UnitId
                where p.CampaignId == campaignId && p.Kind == ProblemKind.Problem
                group p by unit.BranchId into g
                select new ProblemCount(
                    g.Key, g.Count(p => p.Stage != RectificationStage.Closed), g.Count(p => p.Overdue && p.Stage != RectificationStage.Closed),
                    g.Count(p => p.Stage == RectificationStage.Closed), g.Max(p => (DateTimeOffset?)p.OccurredAt)))
            .ToListAsync(ct);
        var classes = await (
                from c in db.Classifications
                join unit in branches on c.UnitId equals unit.UnitId
                where c.CampaignId == campaignId
                group c by new { unit.BranchId, c.Class } into g
                select new ClassCount(g.Key.BranchId, g.Key.Class, g.Count(), g.Max(c => c.OccurredAt)))
            .ToListAsync(ct);
        return new SurveyCounts(visits, problems, classes);
    }

    /// <summary><paramref name="unit"/>'s figures from the counts of its subtree (all of the root's, or one branch's).</summary>
    public static UnitVisitFiguresResponse Figures(UnitReplica unit, SurveyCounts counts)
    {
        var (visits, problems) = (counts.Visits, counts.Problems);
        int Of(OrganizationClass c) => counts.Classes.Where(x => x.Class == c).Sum(x => x.Count);
        DateTimeOffset?[] updated =
        [
            .. visits.Select(v => v.UpdatedAt), .. problems.Select(p => p.UpdatedAt), .. counts.Classes.Select(c => (DateTimeOffset?)c.UpdatedAt),
        ];
        return new UnitVisitFiguresResponse(unit.Id, unit.Name, unit.Code, unit.Level, visits.Sum(v => v.Organizations), visits.Sum(v => v.Households),
            visits.Sum(v => v.Visited), VisitRate.Percent(visits.Sum(v => v.VisitedCounted), visits.Count == 0 ? null : visits.Sum(v => v.Households)),
            visits.Sum(v => v.BlankSpots),
            new ProblemFigures(problems.Sum(p => p.Open), problems.Sum(p => p.Overdue), problems.Sum(p => p.Closed)),
            new ClassFigures(Of(OrganizationClass.Good), Of(OrganizationClass.Middling), Of(OrganizationClass.Backward)),
            updated.Max());
    }
}
