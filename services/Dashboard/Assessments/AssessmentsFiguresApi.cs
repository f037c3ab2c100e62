using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Assessments;

public static class AssessmentsFiguresApi
{
    public static RouteGroupBuilder MapAssessmentsFiguresApi(this IEndpointRouteBuilder routes)
    {
        var assessments = routes.MapGroup("/api/dashboard/assessments")
            .WithTag("Assessments", "Figures from Assessments' events: the grading distribution (好/较好/一般/较差) per unit against the 30 % / 20 % targets, and the county assessment ranking.");

        assessments.MapGet("/grading", Grading).WithName("GetGradingFigures")
            .WithSummary("A year's grading distribution for one unit (the caller's when left out) and each unit one level below it, against the targets; the newest year when none is named")
            .WithDescription("Before any grading the answer is an empty state: `year` null and every figure zero.");
        assessments.MapGet("/ranking", Ranking).WithName("GetCountyRankingFigures")
            .WithSummary("A year's county assessment ranking (the newest year when none is named): every county for the city, a county's own row for its county and the units in it")
            .WithDescription("Before any score the answer is an empty state: `year` null and no counties.");
        return assessments;
    }

    private static async Task<Results<Ok<GradingFiguresResponse>, NotFound>> Grading(
        int? year, Guid? unitId, int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        if (await scope.FigureUnitAsync(db, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var shown = year ?? await db.Gradings.MaxAsync(g => (int?)g.Year, ct) ?? await db.GradingTargets.MaxAsync(t => (int?)t.Year, ct);
        var held = await db.GradingTargets.AsNoTracking().Where(t => t.Year == shown).ToDictionaryAsync(t => t.UnitId, ct);
        var city = await db.Units.Where(u => u.Level == UnitLevel.City && !u.Retired).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var targets = new Targets(held, city is { } c ? held.GetValueOrDefault(c) : null);
        var children = db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && !u.Retired);
        var request = new PageRequest(page, pageSize);
        var below = await children.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var figures = new List<UnitGradingFiguresResponse>(below.Count);
        foreach (var child in below)
        {
            figures.Add(await FiguresAsync(db, scope, shown, child, targets, ct));
        }

        return TypedResults.Ok(new GradingFiguresResponse(shown, await FiguresAsync(db, scope, shown, unit, targets, ct),
            new Page<UnitGradingFiguresResponse>(figures, request.Number, request.Size, await children.CountAsync(ct))));
    }

    private static async Task<Ok<CountyRankingResponse>> Ranking(int? year, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var shown = year ?? await db.CountyScores.MaxAsync(s => (int?)s.Year, ct);
        var within = (await scope.UnitsAsync(ct)).Select(u => u.Id);
        var above = await scope.UnitsAboveAsync(ct);
        var rows = await db.CountyScores.AsNoTracking().Where(s => s.Year == shown && (within.Contains(s.CountyId) || above.Contains(s.CountyId)))
            .OrderBy(s => s.Rank).ThenBy(s => s.CountyName).ToListAsync(ct);
        return TypedResults.Ok(new CountyRankingResponse(shown,
            rows.ConvertAll(s => new CountyRankResponse(s.CountyId, s.CountyName, s.Total, s.Rank, s.Counties, s.Deducted, s.OccurredAt))));
    }

    private static async Task<UnitGradingFiguresResponse> FiguresAsync(
        DashboardDb db, ReplicaScope scope, int? year, UnitReplica unit, Targets targets, CancellationToken ct)
    {
        var subtree = scope.Within(unit.Id);
        var rows = await db.Gradings.Where(g => g.Year == year && subtree.Any(u => u.Id == g.UnitId))
            .GroupBy(g => new { Result = g.Step >= GradingStep.CountyDecided, g.Grade })
            .Select(c => new { c.Key.Result, c.Key.Grade, Count = c.Count(), UpdatedAt = c.Max(g => g.OccurredAt) })
            .ToListAsync(ct);
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

    /// <summary>A year's targets by unit, and the city's, which a county without its own is held to.</summary>
    private sealed record Targets(IReadOnlyDictionary<Guid, GradingTargetRecord> Held, GradingTargetRecord? City);
}
