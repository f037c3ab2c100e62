using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using Column = PartyPlatform.Assessments.Sheets.GradingSheetColumns;

namespace PartyPlatform.Assessments.Sheets;

public static class GradingSheetsApi
{
    public static void MapGradingSheetsApi(this IEndpointRouteBuilder routes)
    {
        var sheets = routes.MapGroup("/api/assessments/rounds/{roundId:guid}")
            .WithTag("Grading sheets", "A county's results of a round from CSV or Excel, all or nothing, safe to send again; the grading list and the targets' progress as files.");
        var options = routes.ServiceProvider.GetRequiredService<IOptions<GradingImportOptions>>().Value;

        sheets.MapPost("/counties/{countyId:guid}/gradings/imports", Import).RequireAuthorization(PlatformPolicies.Write)
            .Accepts<string>(SheetFile.CsvMediaType, SheetFile.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportCountyGradings").WithSummary("Import a county's results of the round from CSV or Excel (.xlsx): the county's decision on every village, all or nothing")
            .WithDescription($"""
                The body is the file itself: Content-Type {SheetFile.CsvMediaType} (UTF-8, or charset=gb18030) or {SheetFile.XlsxMediaType}
                (the first sheet is read); anything else is 415. At most {options.MaxRows} rows and {options.MaxBodyBytes} bytes
                (Assessments:Imports); blank rows are skipped. Columns (a header row; any order): {Column.OrganizationCode} (the code of
                the village's Party organisation), {Column.Grade} (好, 较好, 一般, 较差, or Good, FairlyGood, Average, Poor), one column
                per indicator of the round headed by its name or its code (a score from 0 to its maximum), and {Column.Evidence}; the
                other columns of the grading list's export are ignored, so an exported list, filled in, imports again.

                One row per village Party organisation the round grades in the county; a village left out is an error. Each row is the
                county's decision: the grading is taken there by the steps it lacks (a self-assessment and the township's review
                entered by the importer when not made yet), a decision already taken is taken again when the row changes it, and a row
                whose grading stands decided on its values changes nothing, so the same file can be sent again. A grading the city
                has filed is final: a row changing it is an error. Each grading changed publishes OrganizationGraded.

                All or nothing: if any row is bad the answer is 400 with every reason keyed "rows[N].column" (N counts data rows from
                1, after the header), the villages left out under "file", and nothing is written. The county's accounts (its own
                county) or the city's; a county outside the caller's unit (a township's accounts find none in theirs) is 404, as a
                missing one is.
                """);
        sheets.MapGet("/gradings/export", ExportGradings)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportGradings").WithSummary("Export the round's grading list of the caller's unit (or one unit of it) as CSV or Excel, every village by code")
            .WithDescription($"""
                Columns: {string.Join(", ", [Column.OrganizationCode, Column.OrganizationName, Column.Township, Column.County, Column.Grade, Column.Step])},
                a score per indicator (headed by its name), {Column.Evidence}, {Column.Filed} (是/否). A village not graded yet has its grade
                and step empty. Named gradings-<year>-<code>.csv or .xlsx; format is csv (the default) or xlsx.
                """);
        sheets.MapGet("/targets/export", ExportTargets)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportTargetProgress").WithSummary("Export the targets' progress per county of the caller's unit (or one unit of it) as CSV or Excel")
            .WithDescription($"""
                The figures of GET targets: one row per county, then the unit asked for when it is not a county (the city as a whole, or
                a township). Columns: {string.Join(", ", TargetSheetColumns.All)}. Named targets-<year>-<code>.csv or .xlsx; format is csv
                (the default) or xlsx.
                """);
    }

    private static Task<Results<Ok<GradingImportResult>, ValidationProblem, NotFound>> Import(
        Guid roundId, Guid countyId, HttpRequest request, AssessmentsDb db, ReplicaScope scope, IOptions<GradingImportOptions> options, AuditActor actor,
        TimeProvider time, CancellationToken ct) =>
        SheetImport.RunAsync(request, options.Value.MaxBodyBytes, async () =>
            {
                // A township's accounts find no county within their unit: 404, as for a county that does not exist.
                if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round
                    || await scope.UnitsUnderAsync(countyId, ct) is null
                    || await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == countyId && u.Level == UnitLevel.County, ct) is not { } county)
                {
                    return null;
                }

                return new CountyRound(round, county);
            },
            target => Column.Import(target.Round), options.Value.MaxRows,
            (target, lines) => new GradingsImporter(db, scope, actor, time).ImportAsync(target.Round, target.County, lines, ct), ct);

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportGradings(
        Guid roundId, Guid? unitId, string? format, AssessmentsDb db, ReplicaScope scope, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await RoundAndUnitAsync(roundId, unitId, db, scope, ct) is not var (round, unit))
        {
            return TypedResults.NotFound();
        }

        var units = scope.Within(unit.Id);
        var villages =
            from o in db.RoundOrganizations.AsNoTracking()
            where o.RoundId == roundId && units.Any(u => u.Id == o.UnitId)
            join g in db.Gradings.AsNoTracking() on new { o.RoundId, o.OrganizationId } equals new { g.RoundId, g.OrganizationId } into gradings
            from g in gradings.DefaultIfEmpty()
            // A village merged away keeps its grade as history; without one it is owed none.
            where g != null || db.PartyOrganizations.Any(p => p.Id == o.OrganizationId && !p.Retired)
            join v in db.Units on o.UnitId equals v.Id
            join t in db.Units on v.ParentId equals (Guid?)t.Id into townships
            from t in townships.DefaultIfEmpty()
            join c in db.Units on t.ParentId equals (Guid?)c.Id into counties
            from c in counties.DefaultIfEmpty()
            orderby o.OrganizationCode
            select new { o.OrganizationCode, o.OrganizationName, Township = t.Name, County = c.Name, Grading = g };
        var rows = villages.AsAsyncEnumerable().Select(v => (IReadOnlyList<string?>)
        [
            v.OrganizationCode, v.OrganizationName, v.Township, v.County, SheetTexts.Of(v.Grading?.Grade), SheetTexts.Of(v.Grading?.Step),
            .. round.Indicators.Select(i => SheetTexts.Of(v.Grading?.Scores.FirstOrDefault(s => s.Code == i.Code)?.Score)),
            v.Grading?.Evidence, SheetTexts.Of(v.Grading is null ? null : v.Grading.Step == GradingStep.CityFiled),
        ]);
        return SheetDownload.Of(xlsx, Column.Export(round), rows, $"gradings-{round.Year}-{unit.Code}", ct);
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportTargets(
        Guid roundId, Guid? unitId, string? format, AssessmentsDb db, ReplicaScope scope, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await RoundAndUnitAsync(roundId, unitId, db, scope, ct) is not var (round, unit))
        {
            return TypedResults.NotFound();
        }

        var progress = await TargetsApi.ProgressAsync(db, scope, round, unit, ct);
        var figures = unit.Level == UnitLevel.County ? progress.Counties : [.. progress.Counties, progress.Unit];
        var ids = figures.Select(f => f.UnitId).ToList();
        var codes = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var rows = figures.Select(f => (IReadOnlyList<string?>)
        [
            codes[f.UnitId], f.UnitName, SheetTexts.Of(f.Targets.GoodShareAtLeast), SheetTexts.Of(f.Targets.PoorShareAtMost), SheetTexts.Of(f.OwnTargets),
            SheetTexts.Of(f.Organizations), SheetTexts.Of(f.Results), SheetTexts.Of(f.GoodOrFairlyGood), SheetTexts.Of(f.Poor),
            SheetTexts.Of(f.GoodShare), SheetTexts.Of(f.PoorShare), SheetTexts.Of(f.Met), SheetTexts.Of(f.BelowTargetGrade),
        ]).ToAsyncEnumerable();
        return SheetDownload.Of(xlsx, TargetSheetColumns.All, rows, $"targets-{round.Year}-{unit.Code}", ct);
    }

    /// <summary>The round and the unit an export is for (the one named, else the caller's, else the city); null (404) when either is missing or outside the caller's unit.</summary>
    private static async Task<(GradingRound Round, UnitReplica Unit)?> RoundAndUnitAsync(
        Guid roundId, Guid? unitId, AssessmentsDb db, ReplicaScope scope, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is { } round && await db.FigureUnitAsync(scope, unitId, ct) is { } unit
            ? (round, unit)
            : null;

    /// <summary>What an import goes into: a round, and a county of the caller's.</summary>
    private sealed record CountyRound(GradingRound Round, UnitReplica County);
}
