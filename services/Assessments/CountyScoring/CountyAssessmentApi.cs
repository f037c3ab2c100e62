using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Sheets;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Assessments.CountyScoring;

public static class CountyAssessmentApi
{
    public static RouteGroupBuilder MapCountyAssessmentApi(this IEndpointRouteBuilder routes)
    {
        var assessments = routes.MapGroup("/api/assessments/county-assessments")
            .WithTag("County assessment", "The yearly target-responsibility assessment of every county (基层组织建设目标责任考核): weighted indicators entered or derived from other services' facts, deductions by rule, and the ranking explained.");

        assessments.MapPost("/", Open).RequireAuthorization(PlatformPolicies.Write)
            .WithName("OpenCountyAssessment").WithSummary("Open the year's county assessment with the city's indicators and deduction rules (the city's accounts only)")
            .WithDescription("A second assessment for a year answers 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        assessments.MapGet("/{year:int}", Get).WithName("GetCountyAssessment").WithSummary("A year's indicator set and deduction rules");
        assessments.MapPut("/{year:int}/indicators", ChangeIndicators).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ChangeCountyAssessmentIndicators")
            .WithSummary("Replace the year's indicators (weights summing to the assessment's total) and deduction rules; every county is scored again (the city's accounts only)");
        assessments.MapPut("/{year:int}/counties/{countyId:guid}/scores/{code}", EnterScore).RequireAuthorization(PlatformPolicies.Write)
            .WithName("EnterCountyIndicatorScore")
            .WithSummary("Enter a county's points for an indicator whose points are entered, from 0 to its weight (the city's accounts only)");
        assessments.MapGet("/{year:int}/ranking", Ranking).WithName("GetCountyRanking")
            .WithSummary("The counties ranked by total, highest first, paged: all of them for the city, a county's own row for its county and units below it");
        assessments.MapGet("/{year:int}/ranking/export", ExportRanking)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportCountyRanking").WithSummary("Export the ranking the caller may read as CSV or Excel: rank, county, total, deducted, each indicator's points")
            .WithDescription("Named county-ranking-<year>.csv or .xlsx; format is csv (the default) or xlsx.");
        assessments.MapGet("/{year:int}/counties/{countyId:guid}", Score).WithName("GetCountyScore")
            .WithSummary("A county's score explained down to its indicators (points and how they were reached) and deductions (reason and source fact)");
        return assessments;
    }

    private static async Task<Created<CountyAssessmentResponse>> Open(
        OpenCountyAssessmentRequest request, ReplicaScope scope, AssessmentsDb db, CountyRanking ranking,
        IOptionsSnapshot<CountyAssessmentOptions> terms, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Opening a county assessment");
        var year = request.Year!.Value;
        if (await db.CountyAssessments.AnyAsync(a => a.Year == year, ct))
        {
            throw new ConflictException($"The {year} county assessment is open already.");
        }

        var assessment = CountyAssessment.Open(year, terms.Value, actor.Id, time.GetUtcNow());
        db.CountyAssessments.Add(assessment);
        await ranking.RecomputeAsync(assessment, ct);
        await db.SaveOrConflictAsync($"The {year} county assessment was opened meanwhile.", ct);
        return TypedResults.Created($"/api/assessments/county-assessments/{year}", CountyAssessmentResponse.From(assessment));
    }

    private static async Task<Results<Ok<CountyAssessmentResponse>, NotFound>> Get(int year, AssessmentsDb db, CancellationToken ct) =>
        await db.CountyAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year, ct) is { } assessment
            ? TypedResults.Ok(CountyAssessmentResponse.From(assessment))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CountyAssessmentResponse>, NotFound>> ChangeIndicators(
        int year, ChangeIndicatorsRequest request, ReplicaScope scope, AssessmentsDb db, CountyRanking ranking, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Changing the county assessment's indicators");
        if (await db.CountyAssessments.FirstOrDefaultAsync(a => a.Year == year, ct) is not { } assessment)
        {
            return TypedResults.NotFound();
        }

        assessment.Change(
            request.Indicators!.ConvertAll(i => new AssessmentIndicator { Code = i.Code!, Name = i.Name!, Weight = i.Weight!.Value, Source = i.Source!.Value }),
            request.Deductions!.ConvertAll(d => new DeductionRule { Code = d.Code!, Name = d.Name!, Points = d.Points!.Value, Fact = d.Fact!.Value }),
            actor.Id, time.GetUtcNow());
        await ranking.RecomputeAsync(assessment, ct);
        await db.SaveOrConflictAsync("The county scores were computed meanwhile; send the change again.", ct);
        return TypedResults.Ok(CountyAssessmentResponse.From(assessment));
    }

    private static async Task<Results<Ok<CountyScoreResponse>, NotFound>> EnterScore(
        int year, Guid countyId, string code, EnterScoreRequest request, ReplicaScope scope, AssessmentsDb db, CountyRanking ranking,
        AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Entering a county's assessment points");
        if (await db.CountyAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year, ct) is not { } assessment
            || !await db.Units.AnyAsync(u => u.Id == countyId && u.Level == UnitLevel.County && !u.Retired, ct))
        {
            return TypedResults.NotFound();
        }

        var indicator = assessment.Indicator(code);
        var now = time.GetUtcNow();
        if (await db.EnteredScores.FirstOrDefaultAsync(e => e.AssessmentId == assessment.Id && e.CountyId == countyId && e.IndicatorCode == code, ct) is { } entered)
        {
            entered.Change(indicator, request.Points!.Value, request.Note, actor.Id, now);
        }
        else
        {
            db.EnteredScores.Add(EnteredScore.Enter(assessment, countyId, indicator, request.Points!.Value, request.Note, actor.Id, now));
        }

        await ranking.RecomputeAsync(assessment, ct);
        await db.SaveOrConflictAsync("The county scores were computed meanwhile; enter the points again.", ct);
        return TypedResults.Ok(CountyScoreResponse.From(await db.CountyScores.AsNoTracking().SingleAsync(s => s.AssessmentId == assessment.Id && s.CountyId == countyId, ct)));
    }

    private static async Task<Results<Ok<Page<RankingRowResponse>>, NotFound>> Ranking(
        int year, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (await db.CountyAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year, ct) is not { } assessment)
        {
            return TypedResults.NotFound();
        }

        var scores = await RankedAsync(db, assessment, scope, ct);
        var request = new PageRequest(page, pageSize);
        var rows = await scores.Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<RankingRowResponse>(
            rows.ConvertAll(s => new RankingRowResponse(s.CountyId, s.CountyName, s.Total, s.Rank, s.Counties, s.Deductions.Sum(d => d.Points), s.ComputedAt, s.Version)),
            request.Number, request.Size, await scores.CountAsync(ct)));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportRanking(
        int year, string? format, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await db.CountyAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year, ct) is not { } assessment)
        {
            return TypedResults.NotFound();
        }

        var scores = await (await RankedAsync(db, assessment, scope, ct)).ToListAsync(ct);
        string[] columns = ["名次", "县区", "总分", "扣分", .. assessment.Indicators.Select(i => $"{i.Name}({i.Weight})")];
        var rows = scores.Select(s => (IReadOnlyList<string?>)
        [
            SheetTexts.Of(s.Rank), s.CountyName, SheetTexts.Of(s.Total), SheetTexts.Of(s.Deductions.Sum(d => d.Points)),
            .. assessment.Indicators.Select(i => SheetTexts.Of(s.Indicators.FirstOrDefault(p => p.Code == i.Code)?.Points)),
        ]).ToAsyncEnumerable();
        return SheetDownload.Of(xlsx, columns, rows, $"county-ranking-{year}", ct);
    }

    private static async Task<Results<Ok<CountyScoreResponse>, NotFound>> Score(int year, Guid countyId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        var scores = await VisibleAsync(db.CountyScores.AsNoTracking(), scope, ct);
        return await scores.FirstOrDefaultAsync(s => s.Year == year && s.CountyId == countyId, ct) is { } score
            ? TypedResults.Ok(CountyScoreResponse.From(score))
            : TypedResults.NotFound();
    }

    /// <summary>The year's scores the caller may read, by rank.</summary>
    private static async Task<IQueryable<CountyScore>> RankedAsync(AssessmentsDb db, CountyAssessment assessment, ReplicaScope scope, CancellationToken ct) =>
        (await VisibleAsync(db.CountyScores.AsNoTracking().Where(s => s.AssessmentId == assessment.Id), scope, ct)).OrderBy(s => s.Rank).ThenBy(s => s.CountyName);

    /// <summary>The scores the caller may read: of the counties in its unit, and of the county its unit lies in.</summary>
    private static async Task<IQueryable<CountyScore>> VisibleAsync(IQueryable<CountyScore> scores, ReplicaScope scope, CancellationToken ct)
    {
        var within = (await scope.UnitsAsync(ct)).Select(u => u.Id);
        var above = await scope.UnitsAboveAsync(ct);
        return scores.Where(s => within.Contains(s.CountyId) || above.Contains(s.CountyId));
    }
}
