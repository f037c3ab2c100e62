using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Figures;

namespace PartyPlatform.Surveys.Visits;

public static class VisitsApi
{
    public static RouteGroupBuilder MapVisitsApi(this IEndpointRouteBuilder routes)
    {
        var visits = routes.MapGroup("/api/surveys")
            .WithTag("Visits", "Household visits (入户走访) of a campaign: who visited which household of which organisation, when, and what was said. Households' keys, names and phones are masked.");

        visits.MapGet("/campaigns/{id:guid}/visits", List).WithName("ListVisits")
            .WithSummary("The campaign's visits in the caller's unit (or one organisation or unit of it), newest first, paged; households masked");
        visits.MapPost("/campaigns/{id:guid}/visits", Record).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordVisit").WithSummary("Record one household visit")
            .WithDescription("The organisation must be in the campaign's scope and the day in its period. The same household of the same organisation on the same day counts once: sent again, the visit already recorded answers 200 and nothing changes.");
        visits.MapGet("/visits/{visitId:long}/household", Household).RequireAuthorization(PlatformPolicies.PersonalInformation)
            .WithName("GetVisitHousehold").WithSummary("A visited household's key, name and phone unmasked: personnel officers of the organisation's unit only, and written to the audit trail");

        return visits;
    }

    private static async Task<Results<Ok<Page<VisitResponse>>, NotFound>> List(
        Guid id, Guid? unitId, Guid? organizationId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var organizations = db.CampaignOrganizations.Where(o => o.CampaignId == id && units.Any(u => u.Id == o.UnitId));
        if (organizationId is { } organization)
        {
            organizations = organizations.Where(o => o.OrganizationId == organization);
        }

        var visits = db.Visits.AsNoTracking().Where(v => v.CampaignId == id && organizations.Any(o => o.OrganizationId == v.OrganizationId));
        var request = new PageRequest(page, pageSize);
        var items = await visits.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<VisitResponse>(items.ConvertAll(VisitResponse.From), request.Number, request.Size, await visits.CountAsync(ct)));
    }

    private static async Task<Results<Created<VisitResponse>, Ok<VisitResponse>, NotFound>> Record(
        Guid id, RecordVisitRequest request, ReplicaScope scope, SurveysDb db, TimeProvider time, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var organization = await db.NamedInBodyAsync(campaign, request.OrganizationCode!, scope, ct);
        var day = request.VisitedOn!.Value;
        campaign.EnsureInPeriod(day, "visitedOn");

        var key = request.HouseholdKey!.Trim();
        // Locked before its visits are read or written, as every write of visits does (VisitLocks).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockOrganizationsAsync(id, [organization.OrganizationId], ct);
        if (await db.Visits.AsNoTracking().FirstOrDefaultAsync(
                v => v.CampaignId == id && v.OrganizationId == organization.OrganizationId && v.HouseholdKey == key && v.VisitedOn == day, ct) is { } recorded)
        {
            return TypedResults.Ok(VisitResponse.From(recorded));
        }

        await EnsureRoomForAsync(db, organization, key, ct);
        var now = time.GetUtcNow();
        var visit = Visit.Record(id, organization.OrganizationId, key, Trimmed(request.HouseholdName), Trimmed(request.Phone), day, request.Visitor!.Trim(),
            Trimmed(request.Said), now);
        db.Visits.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same visit sent twice at once: the other request recorded it.
            throw new ConflictException("This visit is being recorded by another request; send it again to read it.");
        }

        await db.RecountAsync(id, [organization.OrganizationId], now, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/surveys/campaigns/{id}/visits/{visit.Id}", VisitResponse.From(visit));
    }

    /// <summary>A household not yet visited may not take the distinct households visited past the households the organisation has.</summary>
    private static async Task EnsureRoomForAsync(SurveysDb db, CampaignOrganization organization, string key, CancellationToken ct)
    {
        if (organization.Households is not { } households || organization.VisitedHouseholds < households)
        {
            return;
        }

        if (!await db.Visits.AnyAsync(v => v.CampaignId == organization.CampaignId && v.OrganizationId == organization.OrganizationId && v.HouseholdKey == key, ct))
        {
            throw new RuleViolationException("householdKey",
                $"All {households} households of '{organization.OrganizationName}' have been visited; a new household would make more. Correct its households first.");
        }
    }

    private static async Task<Results<Ok<HouseholdInformationResponse>, NotFound>> Household(long visitId, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        var unit = visit is null
            ? null
            : await db.CampaignOrganizations.Where(o => o.CampaignId == visit.CampaignId && o.OrganizationId == visit.OrganizationId)
                .Select(o => (Guid?)o.UnitId).FirstOrDefaultAsync(ct);
        if (visit is null || unit is null || await scope.FoundAsync(visit, _ => unit.Value, ct) is null)
        {
            return TypedResults.NotFound();
        }

        db.AuditRead(visit, nameof(Visit.HouseholdKey), nameof(Visit.HouseholdName), nameof(Visit.Phone));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new HouseholdInformationResponse(visit.Id, visit.HouseholdKey, visit.HouseholdName, visit.Phone));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
