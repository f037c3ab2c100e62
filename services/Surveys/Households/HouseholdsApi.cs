using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Figures;
using PartyPlatform.Surveys.Problems;
using Column = PartyPlatform.Surveys.Households.HouseholdsSheetColumns;

namespace PartyPlatform.Surveys.Households;

public static class HouseholdsApi
{
    /// <summary>Gaps read per query while an export streams, so that a city's file never holds every row in memory at once.</summary>
    private const int ExportBatch = 500;

    public static void MapHouseholdsApi(this IEndpointRouteBuilder routes)
    {
        var sheets = routes.MapGroup("/api/surveys/campaigns/{id:guid}")
            .WithTag("Household sheets", "A campaign's households per organisation from CSV or Excel, all or nothing, safe to send again; and the 四不漏 gaps as a file.");
        var options = routes.ServiceProvider.GetRequiredService<IOptions<HouseholdsOptions>>().Value;

        sheets.MapPost("/households/imports", Import).RequireAuthorization(PlatformPolicies.Write)
            .Accepts<string>(SheetFile.CsvMediaType, SheetFile.XlsxMediaType)
            .WithName("ImportHouseholds").WithSummary("Import the households of the campaign's organisations from CSV or Excel (.xlsx), all or nothing")
            .WithDescription($"""
                The body is the file itself: Content-Type {SheetFile.CsvMediaType} (UTF-8, or charset=gb18030) or {SheetFile.XlsxMediaType}
                (the first sheet is read); anything else is 415. At most {options.ImportMaxRows} rows and {options.ImportMaxBodyBytes} bytes
                (Surveys:Households). Columns (a header row; any order; names case-insensitive): {Column.OrganizationCode} (in the campaign)
                and {Column.Households} (1 to {CampaignOrganization.MaxHouseholds}, never fewer than those visited); other columns are ignored.
                A row with the households recorded already changes nothing. If any row is bad the answer is 400 with every bad row's
                reason keyed "rows[N].column" (N counts data rows from 1, after the header) and nothing is written. A row naming an
                organisation outside the caller's unit refuses the whole file with 403.
                """);
        sheets.MapGet("/gaps/export", ExportGaps)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportVisitGaps").WithSummary("Export the campaign's 四不漏 gaps in the caller's unit (or one unit of it) as CSV or Excel, blank spots first")
            .WithDescription("The rows of GET gaps, with each organisation's unit; named gaps-<code>.csv or .xlsx. format is csv (the default) or xlsx.");
    }

    private static Task<Results<Ok<HouseholdsImportResult>, ValidationProblem, NotFound>> Import(
        Guid id, HttpRequest request, SurveysDb db, ReplicaScope scope, IOptions<HouseholdsOptions> options, TimeProvider time, CancellationToken ct) =>
        SheetImport.RunAsync(request, options.Value.ImportMaxBodyBytes, () => db.VisibleCampaignAsync(scope, id, ct), Column.Import, options.Value.ImportMaxRows,
            (campaign, lines) => new HouseholdsImporter(db, scope, time).ImportAsync(campaign, lines, ct), ct);

    private static async Task<Results<PushStreamHttpResult, NotFound>> ExportGaps(
        Guid id, Guid? unitId, string? format, SurveysDb db, ReplicaScope scope, IOptions<VisitFloorOptions> floor, HttpContext http, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var gaps = db.Gaps(id, units, floor.Value.FloorPercent).AsNoTracking().BlankSpotsFirst()
            .Select(o => new GapRow(o.OrganizationCode, o.OrganizationName, db.Units.Where(u => u.Id == o.UnitId).Select(u => u.Code).FirstOrDefault(),
                db.Units.Where(u => u.Id == o.UnitId).Select(u => u.Name).FirstOrDefault(), o.Households, o.VisitedHouseholds));
        var rows = Batches(gaps, ct)
            .Select(g => (IReadOnlyList<string?>)
            [
                g.OrganizationCode, g.OrganizationName, g.UnitCode, g.UnitName, g.Households?.ToString(CultureInfo.InvariantCulture),
                g.VisitedHouseholds.ToString(CultureInfo.InvariantCulture), VisitRate.Percent(g.VisitedHouseholds, g.Households)?.ToString("0.0", CultureInfo.InvariantCulture),
                VisitRate.IsBlankSpot(g.VisitedHouseholds) ? "yes" : "no",
            ]);
        return SheetDownload.Of(xlsx, Column.Gaps, rows, $"gaps-{await LedgerSheetsApi.CodeAsync(db, unitId, http, ct)}", ct);
    }

    private static async IAsyncEnumerable<GapRow> Batches(IQueryable<GapRow> gaps, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var skip = 0; ; skip += ExportBatch)
        {
            var batch = await gaps.Skip(skip).Take(ExportBatch).ToListAsync(ct);
            foreach (var gap in batch)
            {
                yield return gap;
            }

            if (batch.Count < ExportBatch)
            {
                yield break;
            }
        }
    }

    private sealed record GapRow(string OrganizationCode, string OrganizationName, string? UnitCode, string? UnitName, int? Households, int VisitedHouseholds);
}
