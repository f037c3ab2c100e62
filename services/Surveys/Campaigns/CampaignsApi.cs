using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
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
        campaigns.MapPost("/", Plan).RequireAuthorization(PlatformPolicies.Write)
            .WithName("PlanCampaign").WithSummary("Plan a campaign over the Party organisations under a unit of the caller's (the city's, or a county's own)")
            .WithDescription("Every Party organisation in service under the unit, of the kinds named (all kinds when left out), joins the scope; so do organisations created later, when added one by one. The unit must be the city, a county or a township.");
        campaigns.MapPost("/{id:guid}/organizations", AddOrganization).RequireAuthorization(PlatformPolicies.Write)
            .WithName("AddCampaignOrganization").WithSummary("Add a Party organisation to the campaign's scope by its code (one created after the campaign was planned)")
            .WithDescription("The organisation must be in service under the campaign's unit; one in the scope already answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
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

    private static async Task<Created<CampaignResponse>> Plan(PlanCampaignRequest request, ReplicaScope scope, SurveysDb db, TimeProvider time, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UnitId && !u.Retired, ct)
                   ?? throw new RuleViolationException("unitId", $"{request.UnitId} is not a unit of the tree in service.");
        await scope.EnsureBodyUnitAsync(unit.Id, $"Unit '{unit.Name}'", ct);
        if (unit.Level == UnitLevel.Village)
        {
            throw new RuleViolationException("unitId", $"A campaign covers the organisations of a city, county or township; '{unit.Name}' is a village.");
        }

        var campaign = Campaign.Plan(request.Name!.Trim(), unit.Id, request.StartsOn!.Value, request.EndsOn!.Value, time.GetUtcNow());
        PartyOrganizationKind[] kinds = request.Kinds is { Length: > 0 } named ? [.. named.Distinct()] : Enum.GetValues<PartyOrganizationKind>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Campaigns.Add(campaign);
        db.PublishOnCommit(campaign.ToEvent());
        await db.SaveChangesAsync(ct);
        var organizations = await db.FillAsync(campaign, kinds, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/surveys/campaigns/{campaign.Id}", CampaignResponse.From(campaign, organizations));
    }

    private static async Task<Results<Created<CampaignOrganizationResponse>, NotFound>> AddOrganization(
        Guid id, AddCampaignOrganizationRequest request, ReplicaScope scope, SurveysDb db, TimeProvider time, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var code = request.OrganizationCode!.Trim();
        var under = db.Units.Subtrees([campaign.UnitId]).Select(u => u.Id);
        var organization = await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code && !o.Retired && under.Contains(o.UnitId), ct)
                           ?? throw new RuleViolationException("organizationCode", $"No Party organisation in service with code '{code}' is under the campaign's unit.");
        await scope.EnsureBodyUnitAsync(organization.UnitId, $"Organisation '{organization.Name}'", ct);
        if (await db.CampaignOrganizations.AnyAsync(o => o.CampaignId == id && o.OrganizationId == organization.Id, ct))
        {
            throw new ConflictException($"'{organization.Name}' is in the campaign's scope already.");
        }

        var entry = CampaignOrganization.Add(id, organization, time.GetUtcNow());
        db.CampaignOrganizations.Add(entry);
        db.PublishOnCommit(entry.ToEvent());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/surveys/campaigns/{id}/organizations?code={code}", CampaignOrganizationResponse.From(entry));
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
