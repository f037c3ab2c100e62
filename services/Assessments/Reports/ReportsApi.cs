using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Assessments.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/assessments/secretary-reports")
            .WithTag("Secretaries' reports", "The yearly reports of county, township and village Party secretaries (联述联评联考): the report, the ratings of the level above, the result by the city's rule and the 考 score.");

        reports.MapGet("/", List).WithName("ListSecretaryReports")
            .WithSummary("The reports of the secretaries of the caller's unit (or one unit of it), newest year first, narrowed to a year or a kind of post, paged");
        reports.MapGet("/{reportId:guid}", Get).WithName("GetSecretaryReport").WithSummary("One report, with every rating");
        reports.MapPost("/", Submit).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SubmitSecretaryReport").WithSummary("Enter a secretary's report for a year: by the level above the secretary's unit (a village's by the township, a township's by the county, a county's by the city)")
            .WithDescription("An unknown post, one not a secretary's, or one not held that year answers 400 naming the field; a post outside the caller's unit 403; a second report of the post for the year 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{reportId:guid}/ratings", Rate).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RateSecretaryReport").WithSummary("The signed-in evaluator's rating of a report (好/较好/一般/差), once per evaluator, until the result")
            .ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{reportId:guid}/result", Conclude).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ConcludeSecretaryReport").WithSummary("Conclude a rated report: the result the city's rule computes from the ratings (or another with a reason) and the 考 score")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return reports;
    }

    private static async Task<Results<Ok<Page<ReportResponse>>, NotFound>> List(
        Guid? unitId, int? year, PostKind? kind, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var reports = db.SecretaryReports.AsNoTracking().Where(r => units.Any(u => u.Id == r.UnitId));
        if (year is { } y)
        {
            reports = reports.Where(r => r.Year == y);
        }

        if (kind is { } k)
        {
            reports = reports.Where(r => r.Kind == k);
        }

        var request = new PageRequest(page, pageSize);
        var items = await reports.OrderByDescending(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ReportResponse>(items.ConvertAll(r => ReportResponse.From(r)), request.Number, request.Size, await reports.CountAsync(ct)));
    }

    private static async Task<Results<Ok<ReportResponse>, NotFound>> Get(Guid reportId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct) =>
        await FoundAsync(db, scope, reportId, ct) is { } report
            ? TypedResults.Ok(ReportResponse.From(report, await RatingsOfAsync(db, reportId, ct)))
            : TypedResults.NotFound();

    private static async Task<Created<ReportResponse>> Submit(
        SubmitReportRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        var year = request.Year!.Value;
        var secretary = await db.SecretaryInPostAsync(scope, request.PostId!.Value, year, ct);
        await scope.EnsureActsAtAsync(secretary.EvaluatedAt, Secretary.RefusalFor(secretary.Kind), ct);
        if (await db.SecretaryReports.AnyAsync(r => r.PostId == secretary.PostId && r.Year == year, ct))
        {
            throw new ConflictException($"This secretary's report for {year} has been entered already.");
        }

        var report = SecretaryReport.Submit(secretary, year, request.Text!.Trim(), actor.Id, time.GetUtcNow());
        db.SecretaryReports.Add(report);
        await db.SaveOrConflictAsync($"This secretary's report for {year} has been entered already.", ct);
        return TypedResults.Created($"/api/assessments/secretary-reports/{report.Id}", ReportResponse.From(report, []));
    }

    private static async Task<Results<Created<ReportRatingResponse>, NotFound>> Rate(
        Guid reportId, RateReportRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        if (await FoundAsync(db, scope, reportId, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        await scope.EnsureActsAtAsync(Secretary.LevelAbove(report.Kind), Secretary.RefusalFor(report.Kind), ct);
        var ratedBefore = await db.SecretaryReportRatings.AnyAsync(r => r.ReportId == reportId && r.Evaluator == actor.Id, ct);
        var rating = report.Rate(actor.Id, request.Rating!.Value, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), ratedBefore, time.GetUtcNow());
        db.SecretaryReportRatings.Add(rating);
        await db.SaveOrConflictAsync("The report changed meanwhile, or you rated it already; read it and rate again if you have not.", ct);
        return TypedResults.Created($"/api/assessments/secretary-reports/{reportId}", ReportRatingResponse.From(rating));
    }

    private static async Task<Results<Ok<ReportResponse>, NotFound>> Conclude(
        Guid reportId, ConcludeReportRequest request, ReplicaScope scope, AssessmentsDb db, IOptionsSnapshot<SecretaryReportOptions> rule,
        AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        if (await FoundAsync(db, scope, reportId, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        await scope.EnsureActsAtAsync(Secretary.LevelAbove(report.Kind), Secretary.RefusalFor(report.Kind), ct);
        var ratings = await RatingsOfAsync(db, reportId, ct);
        report.Conclude(ratings.ConvertAll(r => r.Rating), rule.Value, request.ExamScore!.Value, request.Result, request.Reason, actor.Id, time.GetUtcNow());
        await db.SaveOrConflictAsync("The report changed meanwhile; read it and conclude it again.", ct);
        return TypedResults.Ok(ReportResponse.From(report, ratings));
    }

    private static async Task<SecretaryReport?> FoundAsync(AssessmentsDb db, ReplicaScope scope, Guid reportId, CancellationToken ct) =>
        await scope.FoundAsync(await db.SecretaryReports.FirstOrDefaultAsync(r => r.Id == reportId, ct), r => r.UnitId, ct);

    private static Task<List<SecretaryReportRating>> RatingsOfAsync(AssessmentsDb db, Guid reportId, CancellationToken ct) =>
        db.SecretaryReportRatings.AsNoTracking().Where(r => r.ReportId == reportId).OrderBy(r => r.RatedAt).ThenBy(r => r.Id).ToListAsync(ct);
}
