using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>A year's gradings under one branch of a unit's subtree, per grade, results apart from gradings in progress.</summary>
public sealed record GradingCount(Guid BranchId, bool Result, Grade Grade, int Count, DateTimeOffset UpdatedAt);

/// <summary>A year's targets by unit, and the city's, which a county without its own is held to.</summary>
public sealed record GradingTargets(IReadOnlyDictionary<Guid, GradingTargetRecord> Held, GradingTargetRecord? City);

/// <summary>The grading distribution, counted once for a unit and every unit one level below it: the grading API's and the overview's.</summary>
public static class GradingFigures
{
    /// <summary>The year asked for, else the newest one graded, else the newest one with targets.</summary>
    public static async Task<int?> ShownYearAsync(this DashboardDb db, int? year, CancellationToken ct) =>
        year ?? await db.Gradings.MaxAsync(g => (int?)g.Year, ct) ?? await db.GradingTargets.MaxAsync(t => (int?)t.Year, ct);

    public static async Task<GradingTargets> TargetsAsync(this DashboardDb db, int? year, CancellationToken ct)
    {
        var held = await db.GradingTargets.AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.UnitId, ct);
        return new GradingTargets(held, await db.CityIdAsync(ct) is { } city ? held.GetValueOrDefault(city) : null);
    }

    /// <summary>One query for the whole subtree of <paramref name="root"/>, grouped by branch.</summary>
    public static Task<List<GradingCount>> GradingsByBranchAsync(this DashboardDb db, Guid root, int? year, CancellationToken ct) => (
            from grading in db.Gradings
            join unit in db.BranchesUnder(root) on grading.UnitId equals unit.UnitId
            where grading.Year == year
            group grading by new { unit.BranchId, Result = grading.Step >= GradingStep.CountyDecided, grading.Grade } into c
            select new GradingCount(c.Key.BranchId, c.Key.Result, c.Key.Grade, c.Count(), c.Max(g => g.OccurredAt)))
        .ToListAsync(ct);

    /// <summary><paramref name="unit"/>'s figures from the counts of its subtree (all of the root's, or one branch's).</summary>
    public static UnitGradingFiguresResponse Figures(UnitReplica unit, IReadOnlyCollection<GradingCount> rows, GradingTargets targets)
    {
        int Of(Grade grade) => rows.Where(r => r.Result && r.Grade == grade).Sum(r => r.Count);
        var results = rows.Where(r => r.Result).Sum(r => r.Count);
        var goodShare = Share.Percent(Of(Grade.Good) + Of(Grade.FairlyGood), results);
        var poorShare = Share.Percent(Of(Grade.Poor), results);
        var county = unit.Level switch { UnitLevel.County => unit.Id, UnitLevel.Township => unit.ParentId, _ => null };
        var own = county is { } c ? targets.Held.GetValueOrDefault(c) : null;
        var applied = own ?? targets.City;
        var goals = applied is null ? null : new GradingTargetsResponse(applied.GoodShareAtLeast, applied.PoorShareAtMost, own is not null);
        DateTimeOffset?[] updated = [.. rows.Select(r => (DateTimeOffset?)r.UpdatedAt), applied?.OccurredAt];
        return new UnitGradingFiguresResponse(unit.Id, unit.Name, unit.Code, unit.Level, rows.Where(r => !r.Result).Sum(r => r.Count),
            new GradeCountsResponse(Of(Grade.Good), Of(Grade.FairlyGood), Of(Grade.Average), Of(Grade.Poor)), goodShare, poorShare, goals,
            goals is not null && goodShare is { } good && poorShare is { } poor ? good >= goals.GoodShareAtLeast && poor <= goals.PoorShareAtMost : null,
            updated.Max());
    }

    /// <summary>
    /// A year's county ranking (the newest when none is named) as the caller may see it, by rank: every county for the city,
    /// a county's own row for its county and the units in it.
    /// </summary>
    public static async Task<(int? Year, List<CountyScoreRecord> Scores)> RankingAsync(this DashboardDb db, ReplicaScope scope, int? year, CancellationToken ct)
    {
        var shown = year ?? await db.CountyScores.MaxAsync(s => (int?)s.Year, ct);
        var within = (await scope.UnitsAsync(ct)).Select(u => u.Id);
        var above = await scope.UnitsAboveAsync(ct);
        return (shown, await db.CountyScores.AsNoTracking().Where(s => s.Year == shown && (within.Contains(s.CountyId) || above.Contains(s.CountyId)))
            .OrderBy(s => s.Rank).ThenBy(s => s.CountyName).ThenBy(s => s.CountyId).ToListAsync(ct));
    }
}
