using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Surveys;

public static class SurveysFiguresApi
{
    public static RouteGroupBuilder MapSurveysFiguresApi(this IEndpointRouteBuilder routes)
    {
        var surveys = routes.MapGroup("/api/dashboard/surveys")
            .WithTag("Surveys", "Door-to-door survey figures from Surveys' events per unit: households, households visited, the visit rate (入户率), blank spots (空白点), problems open, overdue and closed, and 好/中间/后进.");

        surveys.MapGet("/campaigns", Campaigns).WithName("ListSurveyCampaigns")
            .WithSummary("The survey campaigns the caller takes part in (the city's, and its own unit's), latest first, paged");
        surveys.MapGet("/figures", VisitFigures).WithName("GetSurveyFigures")
            .WithSummary("A campaign's figures for one unit (the caller's when left out) and each unit one level below it: visits, problems and classes; the latest campaign when none is named")
            .WithDescription("Before any campaign the answer is an empty state: `campaign` null and every figure zero.");
        return surveys;
    }

    private static async Task<Ok<Page<SurveyCampaignResponse>>> Campaigns(int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var campaigns = await VisibleAsync(db, scope, ct);
        var request = new PageRequest(page, pageSize);
        var items = await campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.CampaignId).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SurveyCampaignResponse>(items.ConvertAll(SurveyCampaignResponse.From), request.Number, request.Size, await campaigns.CountAsync(ct)));
    }

    private static async Task<Results<Ok<VisitFiguresResponse>, NotFound>> VisitFigures(
        Guid? campaignId, Guid? unitId, int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var campaigns = await VisibleAsync(db, scope, ct);
        var campaign = await (campaignId is { } id ? campaigns.Where(c => c.CampaignId == id) : campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.CampaignId))
            .FirstOrDefaultAsync(ct);
        var unit = await scope.FigureUnitAsync(db, unitId, ct);
        // No campaign yet is an empty state (200, campaign null); a campaign named that the caller does not see is 404.
        if ((campaignId is not null && campaign is null) || unit is null)
        {
            return TypedResults.NotFound();
        }

        var children = db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && !u.Retired);
        var request = new PageRequest(page, pageSize);
        var below = await children.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var figures = new List<UnitVisitFiguresResponse>(below.Count);
        foreach (var child in below)
        {
            figures.Add(await FiguresAsync(db, scope, campaign?.CampaignId, child, ct));
        }

        return TypedResults.Ok(new VisitFiguresResponse(
            campaign is null ? null : SurveyCampaignResponse.From(campaign), await FiguresAsync(db, scope, campaign?.CampaignId, unit, ct),
            new Page<UnitVisitFiguresResponse>(figures, request.Number, request.Size, await children.CountAsync(ct))));
    }

    /// <summary>The campaigns of a unit in the caller's subtree or above it (a city's campaign covers every county).</summary>
    private static async Task<IQueryable<SurveyCampaignRecord>> VisibleAsync(DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var above = await scope.UnitsAboveAsync(ct);
        var units = await scope.UnitsAsync(ct);
        return db.SurveyCampaigns.AsNoTracking().Where(c => above.Contains(c.UnitId) || units.Any(u => u.Id == c.UnitId));
    }

    /// <summary>One unit's figures, summed over the campaign's organisations, problems and classifications in its subtree (a few thousand rows for the city).</summary>
    private static async Task<UnitVisitFiguresResponse> FiguresAsync(DashboardDb db, ReplicaScope scope, Guid? campaignId, UnitReplica unit, CancellationToken ct)
    {
        var subtree = scope.Within(unit.Id);
        var visits = await db.OrganizationVisits
            .Where(o => o.CampaignId == campaignId && o.InScope && subtree.Any(u => u.Id == o.UnitId))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Organizations = g.Count(),
                Households = g.Sum(o => (long?)o.Households) ?? 0,
                Visited = g.Sum(o => (long)o.VisitedHouseholds),
                VisitedCounted = g.Where(o => o.Households != null).Sum(o => (long)o.VisitedHouseholds),
                BlankSpots = g.Count(o => o.VisitedHouseholds == 0),
                UpdatedAt = g.Max(o => (DateTimeOffset?)o.OccurredAt),
            })
            .FirstOrDefaultAsync(ct);
        var problems = await db.Problems
            .Where(p => p.CampaignId == campaignId && p.Kind == ProblemKind.Problem && subtree.Any(u => u.Id == p.UnitId))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Open = g.Count(p => p.Stage != RectificationStage.Closed),
                Overdue = g.Count(p => p.Overdue && p.Stage != RectificationStage.Closed),
                Closed = g.Count(p => p.Stage == RectificationStage.Closed),
                UpdatedAt = g.Max(p => (DateTimeOffset?)p.OccurredAt),
            })
            .FirstOrDefaultAsync(ct);
        var classes = await db.Classifications
            .Where(c => c.CampaignId == campaignId && subtree.Any(u => u.Id == c.UnitId))
            .GroupBy(c => c.Class)
            .Select(g => new { Class = g.Key, Count = g.Count(), UpdatedAt = g.Max(c => c.OccurredAt) })
            .ToListAsync(ct);
        int Of(OrganizationClass c) => classes.FirstOrDefault(x => x.Class == c)?.Count ?? 0;
        DateTimeOffset?[] updated = [visits?.UpdatedAt, problems?.UpdatedAt, .. classes.Select(c => (DateTimeOffset?)c.UpdatedAt)];
        return new UnitVisitFiguresResponse(unit.Id, unit.Name, unit.Code, unit.Level, visits?.Organizations ?? 0, visits?.Households ?? 0, visits?.Visited ?? 0,
            VisitRate.Percent(visits?.VisitedCounted ?? 0, visits?.Households), visits?.BlankSpots ?? 0,
            new ProblemFigures(problems?.Open ?? 0, problems?.Overdue ?? 0, problems?.Closed ?? 0),
            new ClassFigures(Of(OrganizationClass.Good), Of(OrganizationClass.Middling), Of(OrganizationClass.Backward)),
            updated.Max());
    }
}
