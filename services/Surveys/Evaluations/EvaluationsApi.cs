using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Evaluations;

public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this IEndpointRouteBuilder routes)
    {
        var evaluations = routes.MapGroup("/api/surveys/campaigns/{id:guid}")
            .WithTag("Evaluations", "Households' evaluations (群众评议) of each organisation and of its Party members, counted as satisfaction rates; no household is named.");

        evaluations.MapPost("/evaluations", Record).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordEvaluation").WithSummary("Record one household's evaluation of an organisation and of its Party members")
            .WithDescription("The organisation must be in the campaign's scope and the day in its period.");
        evaluations.MapGet("/satisfaction", Satisfaction).WithName("ListSatisfaction")
            .WithSummary("Each organisation's satisfaction rates in the caller's unit (or one unit of it), by code, paged");

        return evaluations;
    }

    private static async Task<Results<Created<EvaluationResponse>, NotFound>> Record(
        Guid id, RecordEvaluationRequest request, ReplicaScope scope, SurveysDb db, TimeProvider time, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var organization = await db.NamedInBodyAsync(campaign, request.OrganizationCode!, scope, ct);
        var day = request.EvaluatedOn!.Value;
        campaign.EnsureInPeriod(day, "evaluatedOn");
        var evaluation = Evaluation.Record(id, organization.OrganizationId, day, request.OfOrganization!.Value, request.OfMembers!.Value,
            string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), time.GetUtcNow());
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/surveys/campaigns/{id}/evaluations/{evaluation.Id}", EvaluationResponse.From(evaluation));
    }

    private static async Task<Results<Ok<Page<SatisfactionResponse>>, NotFound>> Satisfaction(
        Guid id, Guid? unitId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var organizations = db.CampaignOrganizations.AsNoTracking().Where(o => o.CampaignId == id && o.SucceededBy == null && units.Any(u => u.Id == o.UnitId));
        var request = new PageRequest(page, pageSize);
        var rows = await organizations.OrderBy(o => o.OrganizationCode).Skip(request.Skip).Take(request.Size)
            .Select(o => new { o.OrganizationId, o.OrganizationCode, o.OrganizationName })
            .ToListAsync(ct);
        var counts = await db.SatisfactionAsync(id, [.. rows.Select(r => r.OrganizationId)], ct);
        return TypedResults.Ok(new Page<SatisfactionResponse>(
            rows.ConvertAll(r =>
            {
                var c = counts.GetValueOrDefault(r.OrganizationId, SatisfactionCounts.None);
                return new SatisfactionResponse(r.OrganizationId, r.OrganizationCode, r.OrganizationName, c.Evaluations, c.OrganizationRate, c.MembersRate);
            }),
            request.Number, request.Size, await organizations.CountAsync(ct)));
    }
}
