using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Campaigns;

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var campaigns = routes.MapGroup("/api/surveys/campaigns")
            .WithTag("Campaigns", "Door-to-door survey campaigns (群众路线教育实践活动调研): a period, and the grassroots Party organisations they cover with their households.");

        campaigns.MapGet("/", List).WithName("ListCampaigns")
            .WithSummary("The campaigns the caller takes part in (the city's, and its own unit's), newest first, paged");
        campaigns.MapGet("/{id:guid}", Get).WithName("GetCampaign").WithSummary("One campaign");
        campaigns.MapGet("/{id:guid}/organizations", Organizations).WithName("ListCampaignOrganizations")
            .WithSummary("The campaign's organisations in the caller's unit (or one unit of it), by code, with households, households visited and the visit rate, paged");
        campaigns.MapPut("/{id:guid}/organizations/{organizationId:guid}/households", SetHouseholds).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SetHouseholds").WithSummary("Enter the number of households an organisation of the campaign serves")
            .WithDescription("It cannot be fewer than the distinct households already visited (400).");

        return campaigns;
    }

    private static async Task<Ok<Page<CampaignResponse>>> List(int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        var campaigns = await db.VisibleCampaignsAsync(scope, ct);
        var request = new PageRequest(page, pageSize);
        var rows = await campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).Skip(request.Skip).Take(request.Size)
            .Select(c => new { Campaign = c, Organizations = db.CampaignOrganizations.Count(o => o.CampaignId == c.Id && o.SucceededBy == null) })
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<CampaignResponse>(
            rows.ConvertAll(r => CampaignResponse.From(r.Campaign, r.Organizations)), request.Number, request.Size, await campaigns.CountAsync(ct)));
    }

    private static async Task<Results<Ok<CampaignResponse>, NotFound>> Get(Guid id, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(CampaignResponse.From(campaign, await db.CampaignOrganizations.CountAsync(o => o.CampaignId == id && o.SucceededBy == null, ct)));
    }

    private static async Task<Results<Ok<Page<CampaignOrganizationResponse>>, NotFound>> Organizations(
        Guid id, Guid? unitId, string? code, bool? visited, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var organizations = db.CampaignOrganizations.AsNoTracking().Where(o => o.CampaignId == id && units.Any(u => u.Id == o.UnitId));
        if (code is not null)
        {
            organizations = organizations.Where(o => o.OrganizationCode == code);
        }

        if (visited is { } v)
        {
            organizations = organizations.Where(o => (o.VisitedHouseholds > 0) == v);
        }

        var request = new PageRequest(page, pageSize);
        var items = await organizations.OrderBy(o => o.OrganizationCode).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<CampaignOrganizationResponse>(
            items.ConvertAll(CampaignOrganizationResponse.From), request.Number, request.Size, await organizations.CountAsync(ct)));
    }

    private static async Task<Results<Ok<CampaignOrganizationResponse>, NotFound>> SetHouseholds(
        Guid id, Guid organizationId, SetHouseholdsRequest request, ReplicaScope scope, SurveysDb db, TimeProvider time, CancellationToken ct)
    {
        var organization = await db.VisibleCampaignAsync(scope, id, ct) is null
            ? null
            : await scope.FoundAsync(
                await db.CampaignOrganizations.FirstOrDefaultAsync(o => o.CampaignId == id && o.OrganizationId == organizationId && o.SucceededBy == null, ct),
                o => o.UnitId, ct);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (organization.SetHouseholds(request.Households!.Value, now))
        {
            db.PublishOnCommit(organization.ToEvent());
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(CampaignOrganizationResponse.From(organization));
    }
}
