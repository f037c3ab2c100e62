using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Rectification;
using Column = PartyPlatform.Surveys.Problems.LedgerSheetColumns;

namespace PartyPlatform.Surveys.Problems;

public static class LedgerSheetsApi
{
    public static void MapLedgerSheetsApi(this IEndpointRouteBuilder routes)
    {
        var sheets = routes.MapGroup("/api/surveys")
            .WithTag("Ledger sheets", "The problem ledger from and to CSV or Excel, all or nothing, safe to send again; and the overdue list as a file.");
        var options = routes.ServiceProvider.GetRequiredService<IOptions<LedgerOptions>>().Value;

        sheets.MapPost("/campaigns/{id:guid}/problems/imports", Import).RequireAuthorization(PlatformPolicies.Write)
            .Accepts<string>(SheetFile.CsvMediaType, SheetFile.XlsxMediaType)
            .WithName("ImportProblems").WithSummary("Import problems and suggestions into the campaign's ledger from CSV or Excel (.xlsx), all or nothing")
            .WithDescription($"""
                The body is the file itself: Content-Type {SheetFile.CsvMediaType} (UTF-8, or charset=gb18030) or {SheetFile.XlsxMediaType}
                (the first sheet is read); anything else is 415. At most {options.ImportMaxRows} rows and {options.ImportMaxBodyBytes} bytes
                (Surveys:Ledger). Columns (a header row; any order; names case-insensitive): {Column.OrganizationCode} (in the campaign),
                {Column.Kind} (Problem | Suggestion), {Column.Category} (a category's code), {Column.RaisedOn} (yyyy-MM-dd, in the campaign's
                period) and {Column.Said}; the other columns of the export are ignored. A row the ledger holds already changes nothing.
                If any row is bad the answer is 400 with every bad row's reason keyed "rows[N].column" (N counts data rows from 1, after
                the header) and nothing is written. A row naming an organisation outside the caller's unit refuses the whole file with 403.
                """);
        sheets.MapGet("/campaigns/{id:guid}/problems/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportProblems").WithSummary("Export the campaign's ledger in the caller's unit (or one unit of it) as CSV or Excel, with each problem's classification and stage")
            .WithDescription("In the import's columns and more; named problems-<code>.csv or .xlsx. format is csv (the default) or xlsx.");
        sheets.MapGet("/problems/overdue/export", ExportOverdue)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportOverdueProblems").WithSummary("Export the overdue list of the caller's unit (or one unit of it), county by county, as CSV or Excel")
            .WithDescription("The rows of GET /api/surveys/problems/overdue; named overdue-problems-<code>.csv or .xlsx. format is csv (the default) or xlsx.");
    }

    private static Task<Results<Ok<LedgerImportResult>, ValidationProblem, NotFound>> Import(
        Guid id, HttpRequest request, SurveysDb db, ReplicaScope scope, IOptions<LedgerOptions> options, AuditActor actor, TimeProvider time,
        CancellationToken ct) =>
        SheetImport.RunAsync(request, options.Value.ImportMaxBodyBytes, () => db.VisibleCampaignAsync(scope, id, ct), Column.Ledger, options.Value.ImportMaxRows,
            (campaign, lines) => new LedgerImporter(db, scope, options, actor, time).ImportAsync(campaign, lines, ct), ct);

    private static async Task<Results<PushStreamHttpResult, NotFound>> Export(
        Guid id, Guid? unitId, string? format, SurveysDb db, ReplicaScope scope, CityCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var rows = db.Problems.AsNoTracking().Where(p => p.CampaignId == id && units.Any(u => u.Id == p.UnitId))
            .OrderBy(p => p.OrganizationCode).ThenBy(p => p.RaisedOn).ThenBy(p => p.Id)
            .AsAsyncEnumerable()
            .Select(p => (IReadOnlyList<string?>)
            [
                p.OrganizationCode, p.OrganizationName, p.Kind.ToString(), p.Category, Day(p.RaisedOn), p.Said, p.Spread.ToString(), p.Recurrence.ToString(),
                p.Stage.ToString(), Day(p.Deadline), p.Overdue ? "yes" : "no", Day(p.ClosedAt is { } closed ? calendar.DayOf(closed) : null),
            ]);
        return SheetDownload.Of(xlsx, Column.Ledger.All, rows, $"problems-{await CodeAsync(db, unitId, http, ct)}", ct);
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportOverdue(
        Guid? unitId, string? format, SurveysDb db, ReplicaScope scope, CityCalendar calendar, HttpContext http, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await db.OverdueAsync(scope, unitId, ct) is not { } overdue)
        {
            return TypedResults.NotFound();
        }

        var rows = overdue.AsAsyncEnumerable().Select(o => (IReadOnlyList<string?>)
        [
            o.CountyCode, o.CountyName, o.OrganizationCode, o.OrganizationName, o.Category,
            o.Stage.ToString(), o.ResponsibleUnitName, Day(o.Deadline), Day(o.OverdueAt is { } since ? calendar.DayOf(since) : null),
        ]);
        return SheetDownload.Of(xlsx, Column.OverdueList, rows, $"overdue-problems-{await CodeAsync(db, unitId, http, ct)}", ct);
    }

    internal static async Task<string> CodeAsync(SurveysDb db, Guid? unitId, HttpContext http, CancellationToken ct) =>
        unitId is { } id
            ? (await db.Units.Where(u => u.Id == id).Select(u => u.Code).FirstOrDefaultAsync(ct)) ?? id.ToString()
            : CallerScope.Of(http.User).UnitCode ?? "all";

    private static string? Day(DateOnly? day) => day?.ToString(LedgerImporter.DateFormat, CultureInfo.InvariantCulture);
}
