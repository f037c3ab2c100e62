using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Assessments.Gradings;

public static class GradingsApi
{
    public static void MapGradingsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/assessments")
            .WithTag("Gradings", "Each village's grading in a round: self-assessment (entered by its township) → township review → county decision → city filing (备案), each step with its actor and time, and a send-back with a reason.");

        api.MapPut("/rounds/{roundId:guid}/gradings/{organizationId:guid}", SelfAssess).RequireAuthorization(PlatformPolicies.Write)
            .WithName("EnterSelfAssessment").WithSummary("Enter (or enter again, until reviewed) a village's self-assessment: its grade, a score per indicator and the evidence")
            .WithDescription("Villages have no accounts: their township's operators (or the county's, or the city's) enter it. A retired organisation, or one the round does not cover (created by a merge after it opened: graded from the next round), answers 400; a grading past its self-assessment 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/rounds/{roundId:guid}/gradings", List).WithName("ListGradings")
            .WithSummary("The round's gradings in the caller's unit (or one unit of it), by organisation code, narrowed to a step or a grade, paged");
        api.MapGet("/gradings/{gradingId:guid}", Get).WithName("GetGrading").WithSummary("One grading, with every step taken");
        api.MapGet("/organizations/{organizationId:guid}/gradings", History).WithName("GetGradingHistory")
            .WithSummary("A Party organisation's gradings, newest year first: a retired one keeps its grades as history");
        api.MapPost("/gradings/{gradingId:guid}/review", Review).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ReviewGrading").WithSummary("The township's review of a self-assessment, keeping its grade or giving another")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/gradings/{gradingId:guid}/decide", Decide).RequireAuthorization(PlatformPolicies.Write)
            .WithName("DecideGrading").WithSummary("The county's decision on a reviewed grading: the grade becomes the village's result (the county's or the city's accounts)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/gradings/{gradingId:guid}/file", File).RequireAuthorization(PlatformPolicies.Write)
            .WithName("FileGrading").WithSummary("The city files (备案) a county's decision (the city's accounts only)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/gradings/{gradingId:guid}/send-back", SendBack).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SendGradingBack").WithSummary("Send a grading one step back with the reason: a township's review by the county, a county's decision by the city")
            .WithDescription("A self-assessment is entered again instead; a filed grading is final (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<GradingResponse>, Created<GradingResponse>, NotFound>> SelfAssess(
        Guid roundId, Guid organizationId, SelfAssessmentRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time,
        CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round
            || await scope.FoundPartyOrganizationAsync(organizationId, ct) is not { } organization)
        {
            return TypedResults.NotFound();
        }

        await scope.EnsureActsAtAsync(UnitLevel.Township, "A self-assessment is entered by the village's township (or the county, or the city).", ct);
        if (organization.Retired)
        {
            throw new RuleViolationException("organizationId", $"'{organization.Name}' was retired by a merge; its grades stay as history, and its successor is graded instead.");
        }

        var covered = await db.RoundOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.RoundId == roundId && o.OrganizationId == organizationId, ct)
                      ?? throw new RuleViolationException("organizationId", $"The {round.Year} round does not grade '{organization.Name}': only village Party organisations in service when it opened; one created since is graded from the next round.");
        var now = time.GetUtcNow();
        var evidence = request.Evidence!.Trim();
        var grading = await db.Gradings.FirstOrDefaultAsync(g => g.RoundId == roundId && g.OrganizationId == organizationId, ct);
        var created = grading is null;
        GradingStepRecord step;
        if (grading is null)
        {
            (grading, step) = Grading.SelfAssess(round, covered, request.Grade!.Value, request.Scores!, evidence,
                await db.PreviousResultAsync(organizationId, round.Year, ct), actor.Id, now);
            db.Gradings.Add(grading);
        }
        else
        {
            step = grading.Reassess(round, request.Grade!.Value, request.Scores!, evidence, actor.Id, now);
        }

        db.GradingSteps.Add(step);
        db.PublishOnCommit(grading.ToEvent());
        await db.SaveOrConflictAsync("Another request moved this grading meanwhile; read it and take the step again.", ct);
        var response = GradingResponse.From(grading);
        return created ? TypedResults.Created($"/api/assessments/gradings/{grading.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<Page<GradingResponse>>, NotFound>> List(
        Guid roundId, Guid? unitId, GradingStep? step, Grade? grade, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct) || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var gradings = db.Gradings.AsNoTracking().Where(g => g.RoundId == roundId && units.Any(u => u.Id == g.UnitId));
        if (step is { } s)
        {
            gradings = gradings.Where(g => g.Step == s);
        }

        if (grade is { } gr)
        {
            gradings = gradings.Where(g => g.Grade == gr);
        }

        var request = new PageRequest(page, pageSize);
        var items = await gradings.OrderBy(g => g.OrganizationCode).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<GradingResponse>(items.ConvertAll(g => GradingResponse.From(g)), request.Number, request.Size, await gradings.CountAsync(ct)));
    }

    private static async Task<Results<Ok<GradingResponse>, NotFound>> Get(Guid gradingId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct) =>
        await db.FoundGradingAsync(scope, gradingId, ct) is { } grading
            ? TypedResults.Ok(GradingResponse.From(grading, await db.StepsOfAsync(gradingId, ct)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<GradingHistoryResponse>, NotFound>> History(Guid organizationId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (await scope.FoundPartyOrganizationAsync(organizationId, ct) is not { } organization)
        {
            return TypedResults.NotFound();
        }

        var gradings = await db.Gradings.AsNoTracking().Where(g => g.OrganizationId == organizationId).OrderByDescending(g => g.Year).ToListAsync(ct);
        return TypedResults.Ok(new GradingHistoryResponse(organization.Id, organization.Code, organization.Name, organization.UnitId, organization.Retired,
            gradings.ConvertAll(g => GradingResponse.From(g))));
    }

    private static Task<Results<Ok<GradingResponse>, NotFound>> Review(
        Guid gradingId, ReviewRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        TakeAsync(gradingId, scope, db, ct, async grading =>
        {
            await scope.EnsureActsAtAsync(UnitLevel.Township, "The review is the township's (or the county's, or the city's).", ct);
            return grading.Review(request.Grade, Trimmed(request.Note), actor.Id, time.GetUtcNow());
        });

    private static Task<Results<Ok<GradingResponse>, NotFound>> Decide(
        Guid gradingId, DecisionRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        TakeAsync(gradingId, scope, db, ct, async grading =>
        {
            await scope.EnsureActsAtAsync(UnitLevel.County, "The decision on a village's grade is the county's (or the city's), not the township's.", ct);
            return grading.Decide(request.Grade!.Value, await db.PreviousResultAsync(grading.OrganizationId, grading.Year, ct),
                Trimmed(request.Note), actor.Id, time.GetUtcNow());
        });

    private static Task<Results<Ok<GradingResponse>, NotFound>> File(
        Guid gradingId, FilingRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Filing a grading (备案)");
        return TakeAsync(gradingId, scope, db, ct, grading => Task.FromResult(grading.File(Trimmed(request.Note), actor.Id, time.GetUtcNow())));
    }

    private static Task<Results<Ok<GradingResponse>, NotFound>> SendBack(
        Guid gradingId, SendBackRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        TakeAsync(gradingId, scope, db, ct, async grading =>
        {
            var level = Grading.SendsBack(grading.Step);
            await scope.EnsureActsAtAsync(level,
                level == UnitLevel.County ? "A township's review is sent back by the county (or the city)." : "A county's decision is sent back by the city.", ct);
            return grading.SendBack(request.Reason!.Trim(), actor.Id, time.GetUtcNow());
        });

    /// <summary>One step on a grading the caller may see: recorded, published, and saved against a concurrent step (409).</summary>
    private static async Task<Results<Ok<GradingResponse>, NotFound>> TakeAsync(
        Guid gradingId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct, Func<Grading, Task<GradingStepRecord>> take)
    {
        if (await db.FoundGradingAsync(scope, gradingId, ct) is not { } grading)
        {
            return TypedResults.NotFound();
        }

        db.GradingSteps.Add(await take(grading));
        db.PublishOnCommit(grading.ToEvent());
        await db.SaveOrConflictAsync("Another request moved this grading meanwhile; read it and take the step again.", ct);
        return TypedResults.Ok(GradingResponse.From(grading, await db.StepsOfAsync(gradingId, ct)));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
