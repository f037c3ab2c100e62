using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Rectification;

public static class RectificationApi
{
    public static void MapRectificationApi(this IEndpointRouteBuilder routes)
    {
        var rectification = routes.MapGroup("/api/surveys/problems")
            .WithTag("Rectification", "落实、督查、销号: a problem's responsible unit and deadline, its steps in order (in progress, resolved, verified, closed with an answer to the people), and the overdue ones per county.");

        rectification.MapGet("/overdue", Overdue).WithName("ListOverdueProblems")
            .WithSummary("The open rectifications past their deadline in the caller's unit (or one unit of it), county by county, earliest deadline first, paged");
        rectification.MapPost("/{problemId:guid}/assign", Assign).RequireAuthorization(PlatformPolicies.Write)
            .WithName("AssignRectification").WithSummary("落实: give an open problem a responsible unit of the caller's and a deadline")
            .WithDescription("The deadline cannot be before the problem was raised (400 deadline); a responsible unit outside the caller's unit is 403.");
        rectification.MapPost("/{problemId:guid}/start", Start).RequireAuthorization(PlatformPolicies.Write)
            .WithName("StartRectification").WithSummary("The responsible unit starts the work: assigned → in progress")
            .WithDescription("Only by operators of the responsible unit or above it (else 403); a step out of order is 400 naming stage.");
        rectification.MapPost("/{problemId:guid}/resolve", Resolve).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ResolveRectification").WithSummary("The responsible unit reports it resolved: in progress → resolved, with the answer to the people if it is ready")
            .WithDescription("Only by operators of the responsible unit or above it (else 403); a step out of order is 400 naming stage.");
        rectification.MapPost("/{problemId:guid}/verify", Verify).RequireAuthorization(PlatformPolicies.Write)
            .WithName("VerifyRectification").WithSummary("督查: the county or the city checks the resolution: resolved → verified")
            .WithDescription("County and city accounts only: a township's operator gets 403.");
        rectification.MapPost("/{problemId:guid}/close", Close).RequireAuthorization(PlatformPolicies.Write)
            .WithName("CloseProblem").WithSummary("销号: the county or the city closes a verified problem, never without an answer to the people who raised it")
            .WithDescription("County and city accounts only (403 otherwise). Without an answer, given now or at resolving, it is 400 naming answer (事事有交代).");
    }

    private static async Task<Results<Ok<Page<OverdueProblemResponse>>, NotFound>> Overdue(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.OverdueAsync(scope, unitId, ct) is not { } overdue)
        {
            return TypedResults.NotFound();
        }

        var request = new PageRequest(page, pageSize);
        return TypedResults.Ok(new Page<OverdueProblemResponse>(
            await overdue.Skip(request.Skip).Take(request.Size).ToListAsync(ct), request.Number, request.Size, await overdue.CountAsync(ct)));
    }

    private static Task<Results<Ok<ProblemResponse>, NotFound>> Assign(
        Guid problemId, AssignRectificationRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        StepAsync(problemId, RectificationStage.Assigned, scope, db, time, async (problem, now) =>
        {
            var unitId = request.ResponsibleUnitId!.Value;
            await scope.EnsureBodyUnitAsync(unitId, "The responsible unit", ct);
            if (!await db.Units.AnyAsync(u => u.Id == unitId && !u.Retired, ct))
            {
                throw new RuleViolationException("responsibleUnitId", "No unit in service has this id.");
            }

            return problem.Assign(unitId, request.Deadline!.Value, actor.Id, Trimmed(request.Note), now);
        }, ct);

    private static Task<Results<Ok<ProblemResponse>, NotFound>> Start(
        Guid problemId, RectificationStepRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        StepAsync(problemId, RectificationStage.InProgress, scope, db, time,
            (problem, now) => Task.FromResult(problem.Start(actor.Id, Trimmed(request.Note), now)), ct);

    private static Task<Results<Ok<ProblemResponse>, NotFound>> Resolve(
        Guid problemId, AnsweredStepRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        StepAsync(problemId, RectificationStage.Resolved, scope, db, time,
            (problem, now) => Task.FromResult(problem.Resolve(Trimmed(request.Answer), actor.Id, Trimmed(request.Note), now)), ct);

    private static Task<Results<Ok<ProblemResponse>, NotFound>> Verify(
        Guid problemId, RectificationStepRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        StepAsync(problemId, RectificationStage.Verified, scope, db, time,
            (problem, now) => Task.FromResult(problem.Verify(actor.Id, Trimmed(request.Note), now)), ct);

    private static Task<Results<Ok<ProblemResponse>, NotFound>> Close(
        Guid problemId, AnsweredStepRequest request, ReplicaScope scope, SurveysDb db, AuditActor actor, TimeProvider time, CancellationToken ct) =>
        StepAsync(problemId, RectificationStage.Closed, scope, db, time,
            (problem, now) => Task.FromResult(problem.Close(Trimmed(request.Answer), actor.Id, Trimmed(request.Note), now)), ct);

    /// <summary>
    /// Finds the problem (404 outside the caller's unit), checks that the caller may take <paramref name="stage"/>'s step
    /// (the responsible unit works it, the county or the city verifies and closes: 403), takes it and saves it with its event.
    /// </summary>
    private static async Task<Results<Ok<ProblemResponse>, NotFound>> StepAsync(
        Guid problemId, RectificationStage stage, ReplicaScope scope, SurveysDb db, TimeProvider time,
        Func<Problem, DateTimeOffset, Task<ProblemStep>> take, CancellationToken ct)
    {
        if (await db.FoundProblemAsync(scope, problemId, ct) is not { } problem)
        {
            return TypedResults.NotFound();
        }

        if (RectificationSteps.NeedsCountyOrCity(stage))
        {
            await scope.EnsureActsAtAsync(UnitLevel.County,
                "Verifying and closing a rectification (督查、销号) is for the county or the city, not the unit that did the work.", ct);
        }
        else if (stage != RectificationStage.Assigned && problem.ResponsibleUnitId is { } responsible)
        {
            await scope.EnsureBodyUnitAsync(responsible, "The problem's responsible unit", ct);
        }

        var now = time.GetUtcNow();
        db.ProblemSteps.Add(await take(problem, now));
        db.PublishOnCommit(problem.ToEvent(now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("Another request moved this problem meanwhile; read it and take the next step again.");
        }

        return TypedResults.Ok(await db.WithHistoryAsync(problem, ct));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
