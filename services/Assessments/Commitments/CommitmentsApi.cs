using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Auditing;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Assessments.Commitments;

public static class CommitmentsApi
{
    public static RouteGroupBuilder MapCommitmentsApi(this IEndpointRouteBuilder routes)
    {
        var commitments = routes.MapGroup("/api/assessments/commitments")
            .WithTag("Public commitments", "Secretaries' public commitments (亮诺、践诺、评诺): made with a due date, kept with progress notes, evaluated by the level above, which closes them.");

        commitments.MapGet("/", List).WithName("ListCommitments")
            .WithSummary("The commitments of the secretaries of the caller's unit (or one unit of it), by due date, narrowed to a year or to the overdue ones, paged");
        commitments.MapGet("/{commitmentId:guid}", Get).WithName("GetCommitment").WithSummary("One commitment, with its progress notes");
        commitments.MapPost("/", Make).RequireAuthorization(PlatformPolicies.Write)
            .WithName("MakeCommitment").WithSummary("Record a secretary's public commitment for a year (亮诺): what, and by when within the year")
            .WithDescription("Entered for the secretary's unit or from above (a village's by its township). An unknown post, one not a secretary's, or one not held that year answers 400 naming the field; a post outside the caller's unit 403.");
        commitments.MapPost("/{commitmentId:guid}/progress", Keep).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordCommitmentProgress").WithSummary("Record progress on a commitment while it is kept (践诺); an evaluated one is closed (409)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        commitments.MapPost("/{commitmentId:guid}/evaluation", Evaluate).RequireAuthorization(PlatformPolicies.Write)
            .WithName("EvaluateCommitment").WithSummary("Evaluate a commitment (评诺): a rating and a comment, by the level above the secretary's unit; this closes it")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return commitments;
    }

    private static async Task<Results<Ok<Page<CommitmentResponse>>, NotFound>> List(
        Guid? unitId, int? year, bool? overdue, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CityCalendar calendar, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var today = calendar.Today;
        var commitments = db.Commitments.AsNoTracking().Where(c => units.Any(u => u.Id == c.UnitId));
        if (year is { } y)
        {
            commitments = commitments.Where(c => c.Year == y);
        }

        if (overdue is { } o)
        {
            // Commitment.IsOverdue, in SQL.
            commitments = commitments.Where(c => (c.Step != CommitmentStep.Evaluated && c.DueOn < today) == o);
        }

        var request = new PageRequest(page, pageSize);
        var items = await commitments.OrderBy(c => c.DueOn).ThenBy(c => c.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<CommitmentResponse>(items.ConvertAll(c => CommitmentResponse.From(c, today)), request.Number, request.Size,
            await commitments.CountAsync(ct)));
    }

    private static async Task<Results<Ok<CommitmentResponse>, NotFound>> Get(
        Guid commitmentId, ReplicaScope scope, AssessmentsDb db, CityCalendar calendar, CancellationToken ct) =>
        await FoundAsync(db, scope, commitmentId, ct) is { } commitment
            ? TypedResults.Ok(CommitmentResponse.From(commitment, calendar.Today, await ProgressOfAsync(db, commitmentId, ct)))
            : TypedResults.NotFound();

    private static async Task<Created<CommitmentResponse>> Make(
        MakeCommitmentRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CityCalendar calendar, CancellationToken ct)
    {
        var year = request.Year!.Value;
        var secretary = await db.SecretaryInPostAsync(scope, request.PostId!.Value, year, ct);
        var commitment = Commitment.Make(secretary, year, request.Content!.Trim(), request.DueOn!.Value, actor.Id, time.GetUtcNow());
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/assessments/commitments/{commitment.Id}", CommitmentResponse.From(commitment, calendar.Today, []));
    }

    private static async Task<Results<Ok<CommitmentResponse>, NotFound>> Keep(
        Guid commitmentId, CommitmentProgressRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CityCalendar calendar,
        CancellationToken ct)
    {
        if (await FoundAsync(db, scope, commitmentId, ct) is not { } commitment)
        {
            return TypedResults.NotFound();
        }

        db.CommitmentProgress.Add(commitment.Keep(request.Note!.Trim(), actor.Id, time.GetUtcNow()));
        await db.SaveOrConflictAsync("The commitment changed meanwhile; read it and record the progress again.", ct);
        return TypedResults.Ok(CommitmentResponse.From(commitment, calendar.Today, await ProgressOfAsync(db, commitmentId, ct)));
    }

    private static async Task<Results<Ok<CommitmentResponse>, NotFound>> Evaluate(
        Guid commitmentId, EvaluateCommitmentRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CityCalendar calendar,
        CancellationToken ct)
    {
        if (await FoundAsync(db, scope, commitmentId, ct) is not { } commitment)
        {
            return TypedResults.NotFound();
        }

        await scope.EnsureActsAtAsync(Secretary.LevelAbove(commitment.Kind), Secretary.RefusalFor(commitment.Kind), ct);
        commitment.Evaluate(request.Rating!.Value, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), actor.Id, time.GetUtcNow());
        await db.SaveOrConflictAsync("The commitment changed meanwhile; read it and evaluate it again.", ct);
        return TypedResults.Ok(CommitmentResponse.From(commitment, calendar.Today, await ProgressOfAsync(db, commitmentId, ct)));
    }

    private static async Task<Commitment?> FoundAsync(AssessmentsDb db, ReplicaScope scope, Guid commitmentId, CancellationToken ct) =>
        await scope.FoundAsync(await db.Commitments.FirstOrDefaultAsync(c => c.Id == commitmentId, ct), c => c.UnitId, ct);

    private static Task<List<CommitmentProgress>> ProgressOfAsync(AssessmentsDb db, Guid commitmentId, CancellationToken ct) =>
        db.CommitmentProgress.AsNoTracking().Where(p => p.CommitmentId == commitmentId).OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).ToListAsync(ct);
}
