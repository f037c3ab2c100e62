using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
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
        if (await db.FiguresUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var shown = await db.ShownYearAsync(year, ct);
        var targets = await db.TargetsAsync(shown, ct);
        var counts = await db.GradingsByBranchAsync(unit.Id, shown, ct);
        var children = db.ChildrenOf(unit.Id);
        var request = new PageRequest(page, pageSize);
        var below = await children.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var figures = below.ConvertAll(child => GradingFigures.Figures(child, [.. counts.Where(c => c.BranchId == child.Id)], targets));
        return TypedResults.Ok(new GradingFiguresResponse(shown, GradingFigures.Figures(unit, counts, targets),
            new Page<UnitGradingFiguresResponse>(figures, request.Number, request.Size, await children.CountAsync(ct))));
    }

    private static async Task<Ok<CountyRankingResponse>> Ranking(int? year, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var (shown, rows) = await db.RankingAsync(scope, year, ct);
        return TypedResults.Ok(new CountyRankingResponse(shown,
            rows.ConvertAll(s => new CountyRankResponse(s.CountyId, s.CountyName, s.Total, s.Rank, s.Counties, s.Deducted, s.OccurredAt))));
    }
}
