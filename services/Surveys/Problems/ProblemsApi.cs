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

namespace PartyPlatform.Surveys.Problems;

public static class ProblemsApi
{
    public static void MapProblemsApi(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/api/surveys")
            .WithTag("Ledger", "The problem ledger (台账): problems and suggestions people raised in a campaign, by category, classified 点上/普遍 and 偶发/反复, with cause analysis notes.");

        ledger.MapGet("/ledger/categories", Categories).WithName("ListLedgerCategories")
            .WithSummary("The ledger's categories (Surveys:Ledger:Categories): code and Chinese name");
        ledger.MapGet("/campaigns/{id:guid}/problems", List).WithName("ListProblems")
            .WithSummary("The campaign's ledger in the caller's unit (or one unit of it), by category, kind, stage, spread and recurrence, newest first, paged");
        ledger.MapPost("/campaigns/{id:guid}/problems", Raise).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RaiseProblem").WithSummary("Enter a problem or suggestion raised at an organisation of the campaign")
            .WithDescription("The organisation must be in the campaign, the category one of the ledger's and the day in the campaign's period (400 naming the field). The problems of the same campaign, county and category are classified again, and each whose classification moves is published.");
        ledger.MapGet("/problems/{problemId:guid}", Get).WithName("GetProblem")
            .WithSummary("One problem, with its cause analysis notes and the steps of its rectification");
        ledger.MapPost("/problems/{problemId:guid}/notes", WriteNote).RequireAuthorization(PlatformPolicies.Write)
            .WithName("WriteProblemNote").WithSummary("Append a cause analysis note (原因分析), kept with its author and time");
        ledger.MapPut("/problems/{problemId:guid}/spread", OverrideSpread).RequireAuthorization(PlatformPolicies.Write)
            .WithName("OverrideProblemSpread").WithSummary("Classify a problem 点上 or 普遍 by hand, with a reason; the override wins over the rule and is kept with who set it and when");
    }

    private static Ok<IReadOnlyList<LedgerCategory>> Categories(IOptions<LedgerOptions> options) => TypedResults.Ok<IReadOnlyList<LedgerCategory>>(options.Value.Categories);

    private static async Task<Results<Ok<Page<ProblemResponse>>, NotFound>> List(
        Guid id, Guid? unitId, string? category, ProblemKind? kind, RectificationStage? stage, ProblemSpread? spread, ProblemRecurrence? recurrence,
        int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var problems = db.Problems.AsNoTracking().Where(p => p.CampaignId == id && units.Any(u => u.Id == p.UnitId));
        if (category is not null)
        {
            problems = problems.Where(p => p.Category == category);
        }

        if (kind is { } k)
        {
            problems = problems.Where(p => p.Kind == k);
        }

        if (stage is { } s)
        {
            problems = problems.Where(p => p.Stage == s);
        }

        if (spread is { } sp)
        {
            problems = problems.Where(p => (p.SpreadOverride ?? p.ComputedSpread) == sp);
        }

        if (recurrence is { } r)
        {
            problems = problems.Where(p => p.Recurrence == r);
        }

        var request = new PageRequest(page, pageSize);
        var items = await problems.OrderByDescending(p => p.RaisedOn).ThenByDescending(p => p.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ProblemResponse>(items.ConvertAll(p => ProblemResponse.From(p)), request.Number, request.Size, await problems.CountAsync(ct)));
    }

    private static async Task<Results<Created<ProblemResponse>, NotFound>> Raise(
        Guid id, RaiseProblemRequest request, ReplicaScope scope, SurveysDb db, IOptions<LedgerOptions> options, AuditActor actor, TimeProvider time,
        CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var code = request.OrganizationCode!.Trim();
        var organization = await db.CampaignOrganizations.AsNoTracking()
                               .FirstOrDefaultAsync(o => o.CampaignId == id && o.OrganizationCode == code && o.SucceededBy == null, ct)
                           ?? throw new RuleViolationException("organizationCode", $"No organisation with code '{code}' is in the campaign '{campaign.Name}'.");
        await scope.EnsureBodyUnitAsync(organization.UnitId, $"Organisation '{organization.OrganizationName}'", ct);
        var category = options.Value.EnsureCategory(request.Category!.Trim(), "category");
        var now = time.GetUtcNow();
        var county = (await db.CountiesOfAsync([organization.UnitId], ct))[organization.UnitId];
        var problem = Problem.Raise(campaign, organization, county, request.Kind!.Value, category.Code, request.Said!.Trim(), request.RaisedOn!.Value, actor.Id, now);
        await db.RaiseAsync(id, [problem], options.Value.WidespreadThreshold, now, ct);
        return TypedResults.Created($"/api/surveys/problems/{problem.Id}", ProblemResponse.From(problem));
    }

    private static async Task<Results<Ok<ProblemResponse>, NotFound>> Get(Guid problemId, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.FoundProblemAsync(scope, problemId, ct) is not { } problem)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await db.WithHistoryAsync(problem, ct));
    }

    private static async Task<Results<Created<ProblemResponse>, NotFound>> WriteNote(
        Guid problemId, WriteProblemNoteRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        if (await db.FoundProblemAsync(scope, problemId, ct) is not { } problem)
        {
            return TypedResults.NotFound();
        }

        db.ProblemNotes.Add(ProblemNote.Write(problem.Id, request.Text!.Trim(), actor.Id, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/surveys/problems/{problem.Id}", await db.WithHistoryAsync(problem, ct));
    }

    private static async Task<Results<Ok<ProblemResponse>, NotFound>> OverrideSpread(
        Guid problemId, OverrideSpreadRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        if (await db.FoundProblemAsync(scope, problemId, ct) is not { } problem)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (problem.OverrideSpread(request.Spread!.Value, request.Reason!.Trim(), actor.Id, now))
        {
            db.PublishOnCommit(problem.ToEvent(now));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await db.WithHistoryAsync(problem, ct));
    }
}
