using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Assessments.Rounds;

public static class RoundsApi
{
    public static RouteGroupBuilder MapRoundsApi(this IEndpointRouteBuilder routes)
    {
        var rounds = routes.MapGroup("/api/assessments/rounds")
            .WithTag("Grading rounds", "The yearly grading of every village Party organisation (升级晋档), its deadline and how far each unit has come.");

        rounds.MapGet("/", List).WithName("ListGradingRounds").WithSummary("The grading rounds, newest year first, paged");
        rounds.MapGet("/{roundId:guid}", Get).WithName("GetGradingRound").WithSummary("One grading round, with the indicators it scores");
        rounds.MapPost("/", Open).RequireAuthorization(PlatformPolicies.Write)
            .WithName("OpenGradingRound").WithSummary("Open the year's round over every village Party organisation in service (the city's accounts only)")
            .WithDescription("The round keeps the city's indicators and targets as they are today, and the organisations in service today; one created later by a merge is graded from the next round. A second round for a year answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        rounds.MapGet("/{roundId:guid}/progress", Progress).WithName("GetGradingProgress")
            .WithSummary("How far the caller's unit (or one unit of it) and each unit one level down have come: steps, results per grade, days to the deadline");
        rounds.MapGet("/{roundId:guid}/ungraded", Ungraded).WithName("ListUngradedOrganizations")
            .WithSummary("The organisations of the caller's unit (or one unit of it) without a result yet, by code, paged: what the deadline still waits for");
        rounds.MapGet("/{roundId:guid}/grade-changes", GradeChanges).WithName("GetGradeChanges")
            .WithSummary("Results against the previous year's in the caller's unit (or one unit of it): counts up, down, the same and new, and the organisations that moved, paged");
        return rounds;
    }

    private static async Task<Ok<Page<RoundResponse>>> List(int? page, int? pageSize, AssessmentsDb db, CancellationToken ct)
    {
        var request = new PageRequest(page, pageSize);
        var rows = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).Skip(request.Skip).Take(request.Size)
            .Select(r => new { Round = r, Organizations = db.RoundOrganizations.Count(o => o.RoundId == r.Id) }).ToListAsync(ct);
        return TypedResults.Ok(new Page<RoundResponse>(
            rows.ConvertAll(r => RoundResponse.From(r.Round, r.Organizations)), request.Number, request.Size, await db.Rounds.CountAsync(ct)));
    }

    private static async Task<Results<Ok<RoundResponse>, NotFound>> Get(Guid roundId, AssessmentsDb db, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is { } round
            ? TypedResults.Ok(RoundResponse.From(round, await db.RoundOrganizations.CountAsync(o => o.RoundId == roundId, ct)))
            : TypedResults.NotFound();

    private static async Task<Created<RoundResponse>> Open(
        OpenRoundRequest request, ReplicaScope scope, AssessmentsDb db, IOptionsSnapshot<GradingOptions> options, IOptionsSnapshot<TargetOptions> targets,
        AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Opening a grading round");
        var year = request.Year!.Value;
        var round = GradingRound.Open(year, request.Deadline ?? options.Value.DeadlineOf(year), options.Value.Indicators, actor.Id, time.GetUtcNow());
        if (await db.Rounds.AnyAsync(r => r.Year == year, ct))
        {
            throw new ConflictException($"The {year} round is open already.");
        }

        var city = await db.CityIdAsync(ct)
                   ?? throw new ConflictException("The city's tree has not reached Assessments yet; open the round once it has.");
        var organizations = await db.PartyOrganizations.AsNoTracking()
            .Where(o => !o.Retired && o.Kind == PartyOrganizationKind.Village).ToListAsync(ct);
        var target = GradingTarget.Set(round.Id, year, city, targets.Value.GoodShareAtLeast, targets.Value.PoorShareAtMost, actor.Id, round.OpenedAt);
        db.Rounds.Add(round);
        db.Targets.Add(target);
        db.PublishOnCommit(target.ToEvent());
        db.RoundOrganizations.AddRange(organizations.Select(o => RoundOrganization.Of(round.Id, o)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"The {year} round is open already.");
        }

        return TypedResults.Created($"/api/assessments/rounds/{round.Id}", RoundResponse.From(round, organizations.Count));
    }

    private static async Task<Results<Ok<RoundProgressResponse>, NotFound>> Progress(
        Guid roundId, Guid? unitId, ReplicaScope scope, AssessmentsDb db, CityCalendar calendar, IOptionsSnapshot<GradingOptions> options,
        CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round
            || await db.FigureUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var own = await ProgressOfAsync(db, scope, round.Id, unit, ct);
        var parts = new List<UnitProgress>();
        foreach (var part in await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && !u.Retired && u.Level != UnitLevel.Village).OrderBy(u => u.Code).ToListAsync(ct))
        {
            parts.Add(await ProgressOfAsync(db, scope, round.Id, part, ct));
        }

        var today = calendar.Today;
        var daysLeft = Math.Max(0, round.Deadline.DayNumber - today.DayNumber + 1);
        var near = own.Ungraded > 0 && daysLeft <= options.Value.ReminderDays;
        return TypedResults.Ok(new RoundProgressResponse(round.Id, round.Year, round.Deadline, daysLeft, near, own, parts));
    }

    private static async Task<Results<Ok<Page<UngradedOrganizationResponse>>, NotFound>> Ungraded(
        Guid roundId, Guid? unitId, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct) || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var ungraded =
            from o in db.InService(roundId, units)
            join g in db.Gradings on new { o.RoundId, o.OrganizationId } equals new { g.RoundId, g.OrganizationId } into gradings
            from g in gradings.DefaultIfEmpty()
            where g == null || g.Step < GradingStep.CountyDecided
            select new { o.OrganizationId, o.OrganizationCode, o.OrganizationName, o.UnitId, Step = g == null ? (GradingStep?)null : g.Step };
        var request = new PageRequest(page, pageSize);
        var rows = await ungraded.OrderBy(o => o.OrganizationCode).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<UngradedOrganizationResponse>(
            rows.ConvertAll(o => new UngradedOrganizationResponse(o.OrganizationId, o.OrganizationCode, o.OrganizationName, o.UnitId, o.Step)),
            request.Number, request.Size, await ungraded.CountAsync(ct)));
    }

    private static async Task<Results<Ok<GradeChangesResponse>, NotFound>> GradeChanges(
        Guid roundId, Guid? unitId, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round
            || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var results = db.Gradings.AsNoTracking()
            .Where(g => g.RoundId == roundId && g.Step >= GradingStep.CountyDecided && units.Any(u => u.Id == g.UnitId));
        var counts = await results.GroupBy(g => g.PreviousGrade == null ? 0 : g.Grade < g.PreviousGrade ? 1 : g.Grade > g.PreviousGrade ? 2 : 3)
            .Select(c => new { Change = c.Key, Count = c.Count() }).ToDictionaryAsync(c => c.Change, c => c.Count, ct);
        var moved = results.Where(g => g.PreviousGrade != null && g.Grade != g.PreviousGrade);
        var request = new PageRequest(page, pageSize);
        var rows = await moved.OrderBy(g => g.OrganizationCode).Skip(request.Skip).Take(request.Size)
            .Select(g => new GradeChangeResponse(g.Id, g.OrganizationId, g.OrganizationCode, g.UnitId, g.PreviousGrade!.Value, g.Grade)).ToListAsync(ct);
        return TypedResults.Ok(new GradeChangesResponse(round.Id, round.Year,
            counts.GetValueOrDefault(1), counts.GetValueOrDefault(2), counts.GetValueOrDefault(3), counts.GetValueOrDefault(0),
            new Page<GradeChangeResponse>(rows, request.Number, request.Size, await moved.CountAsync(ct))));
    }

    private static async Task<UnitProgress> ProgressOfAsync(AssessmentsDb db, ReplicaScope scope, Guid roundId, UnitReplica unit, CancellationToken ct)
    {
        var steps =
            from o in db.InService(roundId, scope.Within(unit.Id))
            join g in db.Gradings on new { o.RoundId, o.OrganizationId } equals new { g.RoundId, g.OrganizationId } into gradings
            from g in gradings.DefaultIfEmpty()
            group g by new { Step = g == null ? (GradingStep?)null : g.Step, Grade = g == null ? (Grade?)null : g.Grade } into c
            select new { c.Key.Step, c.Key.Grade, Count = c.Count() };
        var rows = await steps.ToListAsync(ct);
        int Count(Func<GradingStep?, bool> step) => rows.Where(r => step(r.Step)).Sum(r => r.Count);
        var results = rows.Where(r => r.Step >= GradingStep.CountyDecided).GroupBy(r => r.Grade!.Value).ToDictionary(r => r.Key, r => r.Sum(x => x.Count));
        return new UnitProgress(unit.Id, unit.Name, rows.Sum(r => r.Count), Count(s => s is null), Count(s => s == GradingStep.SelfAssessed),
            Count(s => s == GradingStep.TownshipReviewed), GradeCounts.Of(results), Count(s => s == GradingStep.CityFiled));
    }
}
