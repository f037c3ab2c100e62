using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
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
        var campaigns = await db.VisibleCampaignsAsync(scope, ct);
        var request = new PageRequest(page, pageSize);
        var items = await campaigns.LatestFirst().Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SurveyCampaignResponse>(items.ConvertAll(SurveyCampaignResponse.From), request.Number, request.Size, await campaigns.CountAsync(ct)));
    }

    private static async Task<Results<Ok<VisitFiguresResponse>, NotFound>> VisitFigures(
        Guid? campaignId, Guid? unitId, int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var campaigns = await db.VisibleCampaignsAsync(scope, ct);
        var campaign = await (campaignId is { } id ? campaigns.Where(c => c.CampaignId == id) : campaigns.LatestFirst()).FirstOrDefaultAsync(ct);
        // No campaign yet is an empty state (200, campaign null); a campaign named that the caller does not see is 404.
        if ((campaignId is not null && campaign is null) || await db.FiguresUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var counts = await db.CountByBranchAsync(unit.Id, campaign?.CampaignId, ct);
        var children = db.ChildrenOf(unit.Id);
        var request = new PageRequest(page, pageSize);
        var below = await children.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new VisitFiguresResponse(
            campaign is null ? null : SurveyCampaignResponse.From(campaign), SurveyFigures.Figures(unit, counts),
            new Page<UnitVisitFiguresResponse>(below.ConvertAll(child => SurveyFigures.Figures(child, counts.Branch(child.Id))), request.Number, request.Size,
                await children.CountAsync(ct))));
    }
}
