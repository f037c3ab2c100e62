using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Assessments.SpecialReports;

public static class SpecialReportsApi
{
    public static RouteGroupBuilder MapSpecialReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/assessments/special-reports")
            .WithTag("Special reports", "The county Party secretary's special report on venue construction (专项述职), required when Venues found the county short of coverage at a deadline; evaluated by the city.");

        reports.MapGet("/", List).WithName("ListSpecialReports")
            .WithSummary("Each county of the caller's unit a venue deadline fact requires a special report of: the fact (deadline, coverage) and whether it is submitted and evaluated, paged");
        reports.MapGet("/{specialReportId:guid}", Get).WithName("GetSpecialReport").WithSummary("One special report");
        reports.MapPost("/", Submit).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SubmitSpecialReport").WithSummary("Submit a county's special report, for the oldest deadline fact still without one (the county's or the city's accounts)")
            .WithDescription("A county no deadline fact requires one of answers 400 naming countyId; a county outside the caller's unit 403; one whose every fact has its report already 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{specialReportId:guid}/evaluation", Evaluate).RequireAuthorization(PlatformPolicies.Write)
            .WithName("EvaluateSpecialReport").WithSummary("The city's evaluation of a special report: a rating and a comment (the city's accounts only)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return reports;
    }

    private static async Task<Ok<Page<SpecialReportRequirement>>> List(int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(ct);
        var required =
            from f in db.VenueDeadlineFacts.AsNoTracking()
            where f.Fact.Level == UnitLevel.County && units.Any(u => u.Id == f.Fact.UnitId)
            join r in db.SpecialReports on f.FactId equals r.FactId into reports
            from r in reports.DefaultIfEmpty()
            select new
            {
                f.Fact.UnitId, f.Fact.UnitName, f.Fact.UnitCode, f.FactId, f.Fact.Deadline, f.Fact.Villages, f.Fact.VillagesWithVenue, f.Fact.CoveragePercent,
                f.Fact.Reason, ReportId = r == null ? (Guid?)null : r.Id, SubmittedAt = r == null ? null : (DateTimeOffset?)r.SubmittedAt,
                EvaluatedAt = r == null ? null : r.EvaluatedAt, Rating = r == null ? null : r.Rating,
            };
        var request = new PageRequest(page, pageSize);
        var rows = await required.OrderByDescending(f => f.Deadline).ThenBy(f => f.UnitCode).ThenBy(f => f.FactId).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SpecialReportRequirement>(
            rows.ConvertAll(f => new SpecialReportRequirement(f.UnitId, f.UnitName, f.UnitCode, f.FactId, f.Deadline, f.Villages, f.VillagesWithVenue,
                f.CoveragePercent, f.Reason, f.ReportId, f.ReportId is not null, f.SubmittedAt, f.EvaluatedAt is not null, f.Rating)),
            request.Number, request.Size, await required.CountAsync(ct)));
    }

    private static async Task<Results<Ok<SpecialReportResponse>, NotFound>> Get(Guid specialReportId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct) =>
        await FoundAsync(db, scope, specialReportId, ct) is { } report ? TypedResults.Ok(SpecialReportResponse.From(report)) : TypedResults.NotFound();

    private static async Task<Created<SpecialReportResponse>> Submit(
        SubmitSpecialReportRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        var countyId = request.CountyId!.Value;
        await scope.EnsureBodyUnitAsync(countyId, "The county", ct);
        var facts = db.VenueDeadlineFacts.AsNoTracking().Where(f => f.Fact.Level == UnitLevel.County && f.Fact.UnitId == countyId);
        if (!await facts.AnyAsync(ct))
        {
            throw new RuleViolationException("countyId", "No venue deadline fact requires a special report of this county: Venues has not found it short of coverage at a deadline.");
        }

        var owed = await facts.Where(f => !db.SpecialReports.Any(r => r.FactId == f.FactId)).OrderBy(f => f.Fact.Deadline).FirstOrDefaultAsync(ct)
                   ?? throw new ConflictException("The county has submitted its special report for every deadline it missed.");
        var report = SpecialReport.Submit(owed, request.Text!.Trim(), actor.Id, time.GetUtcNow());
        db.SpecialReports.Add(report);
        await db.SaveOrConflictAsync("Another special report for this deadline was submitted meanwhile.", ct);
        return TypedResults.Created($"/api/assessments/special-reports/{report.Id}", SpecialReportResponse.From(report));
    }

    private static async Task<Results<Ok<SpecialReportResponse>, NotFound>> Evaluate(
        Guid specialReportId, EvaluateSpecialReportRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Evaluating a county's special report");
        if (await FoundAsync(db, scope, specialReportId, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        report.Evaluate(request.Rating!.Value, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), actor.Id, time.GetUtcNow());
        await db.SaveOrConflictAsync("The special report changed meanwhile; read it and evaluate it again.", ct);
        return TypedResults.Ok(SpecialReportResponse.From(report));
    }

    private static async Task<SpecialReport?> FoundAsync(AssessmentsDb db, ReplicaScope scope, Guid specialReportId, CancellationToken ct) =>
        await scope.FoundAsync(await db.SpecialReports.FirstOrDefaultAsync(r => r.Id == specialReportId, ct), r => r.CountyId, ct);
}
