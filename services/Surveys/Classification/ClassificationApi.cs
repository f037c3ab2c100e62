using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Evaluations;

namespace PartyPlatform.Surveys.Classification;

public static class ClassificationApi
{
    public static RouteGroupBuilder MapClassificationApi(this IEndpointRouteBuilder routes)
    {
        var classifications = routes.MapGroup("/api/surveys/campaigns/{id:guid}/classifications")
            .WithTag("Classification", "Each organisation classified good, middling or backward (好/中间/后进) by the city's rule over the visit rate, satisfaction and open problems, or by an override with a reason.");

        classifications.MapGet("/", List).WithName("ListClassifications")
            .WithSummary("The classifications of the campaign's organisations in the caller's unit (or one unit of it), by class, paged");
        classifications.MapPost("/", Classify).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ClassifyOrganizations").WithSummary("Run the rule over the campaign's organisations in the caller's unit (or one unit of it)")
            .WithDescription("Each organisation whose class or reason moved is published (OrganizationClassified); an override keeps deciding until it is set again.");
        classifications.MapPost("/{organizationId:guid}/override", Override).RequireAuthorization(PlatformPolicies.Write)
            .WithName("OverrideClassification").WithSummary("Set an organisation's class by hand, with the reason; it wins over the rule");

        return classifications;
    }

    private static async Task<Results<Ok<Page<ClassificationResponse>>, NotFound>> List(
        Guid id, Guid? unitId, OrganizationClass? @class, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var classifications = db.Classifications.AsNoTracking().Where(c => c.CampaignId == id && units.Any(u => u.Id == c.UnitId));
        if (@class is { } wanted)
        {
            classifications = classifications.Where(c => (c.OverrideClass ?? c.RuledClass) == wanted);
        }

        var request = new PageRequest(page, pageSize);
        var items = await classifications.OrderBy(c => c.OrganizationCode).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ClassificationResponse>(items.ConvertAll(ClassificationResponse.From), request.Number, request.Size, await classifications.CountAsync(ct)));
    }

    private static async Task<Results<Ok<ClassifyResult>, NotFound>> Classify(
        Guid id, ClassifyRequest request, ReplicaScope scope, SurveysDb db, IOptions<ClassificationRule> rule, TimeProvider time, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        if (request.UnitId is { } unitId)
        {
            await scope.EnsureBodyUnitAsync(unitId, "The unit", ct);
        }

        var units = (await scope.UnitsUnderAsync(request.UnitId, ct))!;
        var now = time.GetUtcNow();
        var organizations = await db.CampaignOrganizations.AsNoTracking()
            .Where(o => o.CampaignId == id && o.SucceededBy == null && units.Any(u => u.Id == o.UnitId)).ToListAsync(ct);
        var ids = organizations.Select(o => o.OrganizationId).ToArray();
        var held = await db.Classifications.Where(c => c.CampaignId == id && ids.Contains(c.OrganizationId)).ToDictionaryAsync(c => c.OrganizationId, ct);
        var satisfaction = await db.SatisfactionAsync(id, ids, ct);
        var openProblems = await db.OpenProblemsAsync(id, ids, ct);
        var changed = 0;
        foreach (var organization in organizations)
        {
            if (!held.TryGetValue(organization.OrganizationId, out var classification))
            {
                classification = OrganizationClassification.For(organization);
                db.Classifications.Add(classification);
                held.Add(organization.OrganizationId, classification);
            }

            var counts = satisfaction.GetValueOrDefault(organization.OrganizationId, SatisfactionCounts.None);
            var content = counts.OrganizationRate is { } ofOrganization && counts.MembersRate is { } ofMembers ? Math.Min(ofOrganization, ofMembers) : (decimal?)null;
            var (ruled, reason) = rule.Value.Classify(organization.VisitRate, content, openProblems.GetValueOrDefault(organization.OrganizationId));
            if (classification.Ruled(ruled, reason, now))
            {
                db.PublishOnCommit(classification.ToEvent());
                changed++;
            }
        }

        await db.SaveChangesAsync(ct);
        var classes = held.Values.GroupBy(c => c.Class).ToDictionary(g => g.Key, g => g.Count());
        return TypedResults.Ok(new ClassifyResult(
            classes.GetValueOrDefault(OrganizationClass.Good), classes.GetValueOrDefault(OrganizationClass.Middling),
            classes.GetValueOrDefault(OrganizationClass.Backward), changed));
    }

    private static async Task<Results<Ok<ClassificationResponse>, NotFound>> Override(
        Guid id, Guid organizationId, OverrideClassificationRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time,
        CancellationToken ct)
    {
        var organization = await db.VisibleCampaignAsync(scope, id, ct) is null
            ? null
            : await scope.FoundAsync(
                await db.CampaignOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.CampaignId == id && o.OrganizationId == organizationId && o.SucceededBy == null, ct),
                o => o.UnitId, ct);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }

        var classification = await db.Classifications.FirstOrDefaultAsync(c => c.CampaignId == id && c.OrganizationId == organizationId, ct);
        if (classification is null)
        {
            classification = OrganizationClassification.For(organization);
            db.Classifications.Add(classification);
        }

        classification.Override(request.Class!.Value, request.Reason!.Trim(), actor.Id, time.GetUtcNow());
        db.PublishOnCommit(classification.ToEvent());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ClassificationResponse.From(classification));
    }
}
