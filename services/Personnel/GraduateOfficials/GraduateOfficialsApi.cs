using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.GraduateOfficials;

public static class GraduateOfficialsApi
{
    public static RouteGroupBuilder MapGraduateOfficialsApi(this IEndpointRouteBuilder routes)
    {
        var officials = routes.MapGroup("/api/personnel/graduate-officials")
            .WithTag("GraduateOfficials", "College-graduate village officials (大学生村官): contract terms up to the limit (任满两期不再续聘), the 七个一 activities, attendance, work reports, the exit taken (五条出路), alerts and outflow.");

        officials.MapGet("/", List).WithName("ListGraduateOfficials").WithSummary("Officials of the caller's unit (or of one unit within it), paged");
        officials.MapGet("/alerts", Alerts).WithName("ListGraduateOfficialAlerts")
            .WithSummary("Officials whose current term ends within the alert window, or has ended, with no exit arranged; soonest first, paged");
        officials.MapGet("/outflow", Outflow).WithName("GetGraduateOfficialOutflow")
            .WithSummary("Per county of the caller's unit (or of one unit within it): officials serving, and the exits of a year by path");
        officials.MapGet("/{id:guid}", Get).WithName("GetGraduateOfficial")
            .WithSummary("One official: terms, exit, 七个一 progress, attendance and work reports");
        officials.MapPost("/", Hire).RequireAuthorization(PlatformPolicies.Write)
            .WithName("HireGraduateOfficial").WithSummary("Hire an official on a village or community: the first term, and the CollegeGraduateOfficial post from the hire day")
            .WithDescription("One running record per person (409 until its exit). The post is begun under the rules of POST /posts.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        officials.MapPost("/{id:guid}/renewals", Renew).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RenewGraduateOfficialTerm").WithSummary("Add the next contract term, from the day after the current one ends")
            .WithDescription("Refused (409) past the configured number of terms (任满两期不再续聘) and after an exit.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        officials.MapPost("/{id:guid}/exit", Exit).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordGraduateOfficialExit").WithSummary("Record the exit taken (五条出路), ending the official's post on that day; a day ahead arranges it")
            .ProducesProblem(StatusCodes.Status409Conflict);
        officials.MapPost("/{id:guid}/activities", RecordActivity).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordGraduateOfficialActivity").WithSummary("Record one of the 七个一 activities done, by its configured code, once each")
            .ProducesProblem(StatusCodes.Status409Conflict);
        officials.MapPost("/{id:guid}/attendance", RecordAttendance).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordGraduateOfficialAttendance").WithSummary("Record a month's attendance: days present of the days required, once per month")
            .ProducesProblem(StatusCodes.Status409Conflict);
        officials.MapPost("/{id:guid}/reports", SubmitReport).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SubmitGraduateOfficialReport").WithSummary("Record a work report and its evaluation");

        return officials;
    }

    private static async Task<Results<Ok<Page<GraduateOfficialSummary>>, NotFound>> List(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await UnitsAsync(unitId, scope, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var officials = Named(db, db.GraduateOfficials.Where(o => units.Any(u => u.Id == o.UnitId)));
        var request = new PageRequest(page, pageSize);
        var items = await officials.OrderBy(o => o.Official.UnitId).ThenBy(o => o.Official.HiredOn).ThenBy(o => o.Official.Id)
            .Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<GraduateOfficialSummary>(items.ConvertAll(o => new GraduateOfficialSummary(
            o.Official.Id, o.Official.PersonId, o.Name, o.Official.UnitId, o.Official.HiredOn, o.Official.TermNumber, o.Official.TermEnds,
            o.Official.ExitPath, o.Official.ExitOn, o.Official.Version)), request.Number, request.Size, await officials.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<GraduateOfficialAlert>>, NotFound>> Alerts(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar,
        IOptions<GraduateOfficialsOptions> options, CancellationToken ct)
    {
        if (await UnitsAsync(unitId, scope, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var today = calendar.Today;
        var due = Named(db, db.GraduateOfficials.Where(GraduateOfficial.DueForAlert(today, options.Value.AlertWindowDays))
            .Where(o => units.Any(u => u.Id == o.UnitId)));
        var request = new PageRequest(page, pageSize);
        var items = await due.OrderBy(o => o.Official.TermEnds).ThenBy(o => o.Official.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<GraduateOfficialAlert>(items.ConvertAll(o => new GraduateOfficialAlert(
            o.Official.Id, o.Official.PersonId, o.Name, o.Official.UnitId, o.Official.TermNumber, o.Official.TermEnds,
            o.Official.TermEnds.DayNumber - today.DayNumber)), request.Number, request.Size, await due.CountAsync(ct)));
    }

    private static async Task<Results<Ok<List<CountyOutflow>>, NotFound>> Outflow(
        Guid? unitId, int? year, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        if (await UnitsAsync(unitId, scope, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await OutflowFigures.ForAsync(db, units, year ?? calendar.Today.Year, calendar.Today, ct));
    }

    private static async Task<Results<Ok<GraduateOfficialResponse>, NotFound>> Get(
        Guid id, ReplicaScope scope, PersonnelDb db, IOptions<GraduateOfficialsOptions> options, CancellationToken ct) =>
        await FindAsync(id, scope, db, ct) is { } official
            ? TypedResults.Ok(await ResponseAsync(official, db, options.Value, ct))
            : TypedResults.NotFound();

    private static async Task<Created<GraduateOfficialResponse>> Hire(
        HireGraduateOfficialRequest request, ReplicaScope scope, PersonnelDb db, TimeProvider time,
        IOptions<GraduateOfficialsOptions> options, CancellationToken ct)
    {
        var personId = request.PersonId!.Value;
        var unit = await PostOpening.UnitAsync(db, scope, request.UnitId!.Value, PostKind.CollegeGraduateOfficial, "unitId", ct);
        await PostOpening.EnsureHolderAsync(db, scope, personId, PostKind.CollegeGraduateOfficial, ct);
        var official = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One hire of a person at a time, so that the check below sees the other's record.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"graduate-official:{personId}"}, 0))", ct);
            if (await db.GraduateOfficials.AsNoTracking().FirstOrDefaultAsync(o => o.PersonId == personId && o.ExitPath == null, ct) is { } running)
            {
                throw new ConflictException($"This person is a serving college-graduate official since {running.HiredOn:yyyy-MM-dd}: record that exit first.");
            }

            var now = time.GetUtcNow();
            var post = await PostOpening.BeginAsync(db, unit, personId, PostKind.CollegeGraduateOfficial, request.HiredOn!.Value, now, ct);
            var hired = GraduateOfficial.Hire(personId, unit.Id, post.Id, request.HiredOn.Value, request.TermEnds!.Value);
            db.GraduateOfficials.Add(hired);
            db.PublishOnCommit(hired.ToEvent(now));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return hired;
        });
        return TypedResults.Created($"/api/personnel/graduate-officials/{official.Id}", await ResponseAsync(official, db, options.Value, ct));
    }

    private static Task<Results<Ok<GraduateOfficialResponse>, NotFound>> Renew(
        Guid id, RenewTermRequest request, ReplicaScope scope, PersonnelDb db, TimeProvider time, IOptions<GraduateOfficialsOptions> options, CancellationToken ct) =>
        ChangeAsync(id, scope, db, options.Value, ct, official =>
        {
            official.Renew(request.TermEnds!.Value, options.Value.MaxTerms);
            db.PublishOnCommit(official.ToEvent(time.GetUtcNow()));
            return Task.CompletedTask;
        });

    private static Task<Results<Ok<GraduateOfficialResponse>, NotFound>> Exit(
        Guid id, RecordExitRequest request, ReplicaScope scope, PersonnelDb db, TimeProvider time, IOptions<GraduateOfficialsOptions> options, CancellationToken ct) =>
        ChangeAsync(id, scope, db, options.Value, ct, async official =>
        {
            var path = request.Path!.Value;
            var on = request.On!.Value;
            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            official.Exit(path, on, note);
            var now = time.GetUtcNow();
            db.PublishOnCommit(official.ToEvent(now));
            // A post ended otherwise already (a merge of the village) keeps its end: history is not rewritten.
            var post = await db.Posts.FirstAsync(p => p.Id == official.PostId, ct);
            if (post.End is null)
            {
                post.Finish(on, note is null ? $"Exit: {path}" : $"Exit: {path}: {note}");
                db.PublishOnCommit(post.ToEvent(now));
            }
        });

    private static async Task<Results<Ok<GraduateOfficialResponse>, NotFound>> RecordActivity(
        Guid id, RecordActivityRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, IOptions<GraduateOfficialsOptions> options, CancellationToken ct)
    {
        var code = request.Activity!.Trim();
        var activity = options.Value.Activities.FirstOrDefault(a => a.Code == code)
                       ?? throw new RuleViolationException("activity", $"'{code}' is not one of the 七个一 activities: {string.Join(", ", options.Value.Activities.Select(a => a.Code))}.");
        return await ChangeAsync(id, scope, db, options.Value, ct, async official =>
        {
            if (await db.GraduateOfficialActivities.FirstOrDefaultAsync(a => a.OfficialId == official.Id && a.Code == code, ct) is { } done)
            {
                throw new ConflictException($"'{activity.Name}' is recorded as done on {done.DoneOn:yyyy-MM-dd}.");
            }

            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            db.GraduateOfficialActivities.Add(GraduateOfficialActivity.Record(official, code, request.DoneOn!.Value, note, calendar.Today));
        });
    }

    private static Task<Results<Ok<GraduateOfficialResponse>, NotFound>> RecordAttendance(
        Guid id, RecordAttendanceRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, IOptions<GraduateOfficialsOptions> options, CancellationToken ct) =>
        ChangeAsync(id, scope, db, options.Value, ct, async official =>
        {
            var month = AttendanceMonth.Record(official, request.FirstDay(), request.DaysPresent!.Value, request.DaysRequired!.Value, calendar.Today);
            if (await db.GraduateOfficialAttendance.AnyAsync(a => a.OfficialId == official.Id && a.Month == month.Month, ct))
            {
                throw new ConflictException($"The attendance of {month.Month:yyyy-MM} is recorded already.");
            }

            db.GraduateOfficialAttendance.Add(month);
        });

    private static Task<Results<Ok<GraduateOfficialResponse>, NotFound>> SubmitReport(
        Guid id, SubmitWorkReportRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, IOptions<GraduateOfficialsOptions> options, CancellationToken ct) =>
        ChangeAsync(id, scope, db, options.Value, ct, official =>
        {
            db.GraduateOfficialReports.Add(WorkReport.Record(official, request.ReportedOn!.Value, request.Summary!.Trim(), request.Evaluation!.Value, calendar.Today));
            return Task.CompletedTask;
        });

    /// <summary>The official the path names (404 outside the caller's unit, like a missing one), changed, saved, and read whole.</summary>
    private static async Task<Results<Ok<GraduateOfficialResponse>, NotFound>> ChangeAsync(
        Guid id, ReplicaScope scope, PersonnelDb db, GraduateOfficialsOptions options, CancellationToken ct, Func<GraduateOfficial, Task> change)
    {
        if (await FindAsync(id, scope, db, ct, tracked: true) is not { } official)
        {
            return TypedResults.NotFound();
        }

        await change(official);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ResponseAsync(official, db, options, ct));
    }

    private static async Task<GraduateOfficial?> FindAsync(Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct, bool tracked = false)
    {
        var officials = tracked ? db.GraduateOfficials : db.GraduateOfficials.AsNoTracking();
        return await scope.FoundAsync(await officials.FirstOrDefaultAsync(o => o.Id == id, ct), o => o.UnitId, ct);
    }

    /// <summary>The caller's units, or those within <paramref name="unitId"/>; null when that unit is not the caller's to see.</summary>
    private static async Task<IQueryable<UnitReplica>?> UnitsAsync(Guid? unitId, ReplicaScope scope, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(ct);
        if (unitId is not { } id)
        {
            return units;
        }

        return await units.AnyAsync(u => u.Id == id, ct) ? scope.Within(id) : null;
    }

    private static IQueryable<NamedOfficial> Named(PersonnelDb db, IQueryable<GraduateOfficial> officials) =>
        officials.AsNoTracking().Join(db.People, o => o.PersonId, p => p.Id, (o, p) => new NamedOfficial { Official = o, Name = p.Name });

    private static async Task<GraduateOfficialResponse> ResponseAsync(GraduateOfficial official, PersonnelDb db, GraduateOfficialsOptions options, CancellationToken ct)
    {
        var name = await db.People.Where(p => p.Id == official.PersonId).Select(p => p.Name).SingleAsync(ct);
        var done = await db.GraduateOfficialActivities.AsNoTracking().Where(a => a.OfficialId == official.Id).ToDictionaryAsync(a => a.Code, ct);
        var attendance = await db.GraduateOfficialAttendance.AsNoTracking().Where(a => a.OfficialId == official.Id).OrderBy(a => a.Month).ToListAsync(ct);
        var reports = await db.GraduateOfficialReports.AsNoTracking().Where(r => r.OfficialId == official.Id)
            .OrderBy(r => r.ReportedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var items = options.Activities.ConvertAll(a => done.GetValueOrDefault(a.Code) is { } d
            ? new ActivityItem(a.Code, a.Name, d.DoneOn, d.Note)
            : new ActivityItem(a.Code, a.Name, null, null));
        return new GraduateOfficialResponse(
            official.Id, official.PersonId, name, official.UnitId, official.PostId, official.HiredOn,
            [.. official.Terms.OrderBy(t => t.Number).Select(t => new ContractTermResponse(t.Number, t.Start, t.End))],
            official.TermNumber, official.TermEnds,
            official.ExitPath is { } path ? new ExitResponse(path, official.ExitOn!.Value, official.ExitNote) : null,
            new ActivityProgress(items.Count(i => i.DoneOn is not null), items.Count, items),
            attendance.ConvertAll(a => new AttendanceResponse($"{a.Month:yyyy-MM}", a.DaysPresent, a.DaysRequired)),
            reports.ConvertAll(r => new WorkReportResponse(r.Id, r.ReportedOn, r.Summary, r.Evaluation)),
            official.Version);
    }

    // Properties, not a constructor: the database orders and pages by the members of what a join made.
    private sealed class NamedOfficial
    {
        public required GraduateOfficial Official { get; init; }

        public required string Name { get; init; }
    }
}
