using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.OpenApi;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Figures;

public static class FiguresApi
{
    public static RouteGroupBuilder MapFiguresApi(this IEndpointRouteBuilder routes)
    {
        var figures = routes.MapGroup("/api/surveys/campaigns/{id:guid}")
            .WithTag("VisitFigures", "A campaign's visit figures per township, county and city: households, distinct households visited, the visit rate (入户率) and blank spots (空白点); and the 四不漏 view of every gap.");

        figures.MapGet("/figures/{unitId:guid}", ForUnit).WithName("GetVisitFigures")
            .WithSummary("The campaign's figures for one unit of the caller's (an organisation's unit, a township, a county or the city)");
        figures.MapGet("/figures", ForChildren).WithName("ListVisitFigures")
            .WithSummary("The campaign's figures for each unit one level below the given unit (the caller's when left out), by code, paged");
        figures.MapGet("/gaps", Gaps).WithName("ListVisitGaps")
            .WithSummary("四不漏: the campaign's organisations in the caller's unit (or one unit of it) not visited, or visited under the configured floor, blank spots first, paged");

        return figures;
    }

    private static async Task<Results<Ok<UnitVisitFigures>, NotFound>> ForUnit(Guid id, Guid unitId, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        return TypedResults.Ok((await db.FiguresAsync(id, [unit], scope, ct))[0]);
    }

    private static async Task<Results<Ok<Page<UnitVisitFigures>>, NotFound>> ForChildren(
        Guid id, Guid? unitId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        var parent = unitId ?? await scope.CallerUnitAsync(ct) ?? await db.Units.Where(u => u.Level == UnitLevel.City && !u.Retired).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || parent is null || await scope.UnitsUnderAsync(parent, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var children = db.Units.AsNoTracking().Where(u => u.ParentId == parent && !u.Retired);
        var request = new PageRequest(page, pageSize);
        var units = await children.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<UnitVisitFigures>(await db.FiguresAsync(id, units, scope, ct), request.Number, request.Size, await children.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<VisitGap>>, NotFound>> Gaps(
        Guid id, Guid? unitId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, IOptions<VisitFloorOptions> floor, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var gaps = db.Gaps(id, units, floor.Value.FloorPercent).AsNoTracking();
        var request = new PageRequest(page, pageSize);
        var items = await gaps.BlankSpotsFirst().Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<VisitGap>(
            items.ConvertAll(o => new VisitGap(o.OrganizationId, o.OrganizationCode, o.OrganizationName, o.Kind, o.UnitId, o.Households, o.VisitedHouseholds,
                o.VisitRate, VisitRate.IsBlankSpot(o.VisitedHouseholds))),
            request.Number, request.Size, await gaps.CountAsync(ct)));
    }
}
