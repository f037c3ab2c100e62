using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Projects;
using PartyPlatform.OpenApi;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Venues.Ledger;

public static class LedgerApi
{
    private static readonly string Columns = $"""
        Columns (a header row; any order; names case-insensitive): villageCode (12 digits: a rural village in your unit),
        villageName (ignored on import), kind ({Names<VenueKind>(" | ")}), floorArea (m², more than 0, at most two decimals),
        functions (names separated by ';', may be empty: {Names<VenueFunction>(", ")}),
        rooms (names separated by ';', may be empty: {Names<IntegratedRoom>(", ")}),
        state ({Names<VenueState>(" | ")}), {string.Join(", ", LedgerColumns.Dates)} (yyyy-MM-dd: the day the venue reached
        each state; given for every state up to `state` and empty after it, in order, none in the future), and optionally
        note (kept with the state changes the row records; "{LedgerImporter.DefaultNote}" if empty).
        """;

    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/api/venues/ledger")
            .WithTag("Ledgers", "A county's venue ledger (台账) from and to CSV or Excel, all or nothing, safe to send again.");
        var maxRows = routes.ServiceProvider.GetRequiredService<IOptions<LedgerOptions>>().Value.MaxRows;

        ledger.MapPost("/imports", Import)
            .RequireAuthorization(PlatformPolicies.Write)
            .Accepts<string>(LedgerFile.CsvMediaType, LedgerFile.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportLedger")
            .WithSummary("Import a county's venue ledger (台账) from CSV or Excel (.xlsx), all or nothing")
            .WithDescription($"""
                The body is the file itself: Content-Type {LedgerFile.CsvMediaType} (UTF-8) or {LedgerFile.XlsxMediaType}
                (the first sheet is read); anything else is 415. At most {maxRows} rows (Venues:Ledger:MaxRows; more is 400
                keyed "file", saying the cap, and nothing is written); blank rows are skipped.
                {Columns}

                One row per village. A village without a venue gets one, planned on plannedOn and moved through each state up
                to `state` on the row's days. A village with a venue gets the row's kind, area, functions and rooms, and moves on
                to `state` if the row is further along; a row behind the venue's state, or giving another day for a state the
                venue recorded, is an error (an import adds to a venue's history, never rewrites it).

                All or nothing: the whole batch is checked first. If any row is bad, the answer is 400 with every bad row's
                reason keyed "rows[N].column" (N counts data rows from 1, after the header) and nothing is written. A file
                that cannot be read, or lacks a column, is 400 keyed "file". A row naming a village outside the caller's unit
                refuses the whole batch with 403. Safe to send again: a row matching what is recorded changes nothing (no new
                history, version or event), so an exported ledger imports as all unchanged.
                """);

        ledger.MapGet("/", Export)
            .Produces(StatusCodes.Status200OK, contentType: LedgerFile.CsvMediaType, additionalContentTypes: LedgerFile.XlsxMediaType)
            .WithName("ExportLedger")
            .WithSummary("Export the venue ledger of a county, or of everything in your unit, as CSV or Excel (.xlsx)")
            .WithDescription($"""
                One row per venue, ordered by village code, in the import's columns (with villageName after villageCode), named
                venue-ledger-<code>.csv or .xlsx. countyId picks a county in your unit (another id answers 404); without it,
                every venue in your unit. format is csv (the default) or xlsx. A state a venue skipped shows the day of the next
                state it recorded. note is the note of the venue's last state change.
                {Columns}
                """);

        return ledger;
    }

    private static async Task<Results<Ok<LedgerImportResult>, ValidationProblem>> Import(
        HttpRequest request, VenuesDb db, ReplicaScope scope, CoverageTracker coverage, AuditActor actor, TimeProvider time,
        IOptions<LedgerOptions> options, CancellationToken ct)
    {
        var lines = await ReadAsync(request, options.Value.MaxRows, ct);
        try
        {
            return TypedResults.Ok(await new LedgerImporter(db, scope, coverage, actor, time).ImportAsync(lines, ct));
        }
        catch (LedgerImportRejectedException rejected)
        {
            return TypedResults.ValidationProblem(rejected.Errors, detail: rejected.Message, title: "The ledger was rejected.");
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(
        Guid? countyId, string? format, VenuesDb db, ReplicaScope scope, HttpContext http, CancellationToken ct)
    {
        var xlsx = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => false,
            "xlsx" => true,
            _ => throw new RuleViolationException("format", $"Unknown format '{format}'; ask for csv or xlsx."),
        };
        IQueryable<UnitReplica> villages;
        string code;
        if (countyId is { } id)
        {
            var county = await (await scope.UnitsAsync(ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
            if (county is null)
            {
                return TypedResults.NotFound();
            }

            if (county.Level != UnitLevel.County)
            {
                throw new RuleViolationException("countyId", $"'{county.Name}' is a {county.Level}, not a county.");
            }

            villages = await scope.VillagesWithinAsync(id, null, ct);
            code = county.Code ?? id.ToString();
        }
        else
        {
            villages = await scope.VillagesAsync(ct);
            code = CallerScope.Of(http.User).UnitCode ?? "all";
        }

        var entries = await (
            from venue in db.Venues.AsNoTracking()
            join village in villages on venue.VillageId equals village.Id
            orderby village.Code
            select new { venue, village }).ToListAsync(ct);
        var records = entries.ConvertAll(e => LedgerRecord.From(e.venue, e.village));

        using var file = new MemoryStream();
        if (xlsx)
        {
            await LedgerWorkbook.WriteAsync(file, records, ct);
            return TypedResults.File(file.ToArray(), LedgerFile.XlsxMediaType, $"venue-ledger-{code}.xlsx");
        }

        // With a byte order mark, so that Excel opens the villages' Chinese names as UTF-8.
        await using (var text = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            await LedgerCsv.WriteAsync(text, records);
        }

        return TypedResults.File(file.ToArray(), $"{LedgerFile.CsvMediaType}; charset=utf-8", $"venue-ledger-{code}.csv");
    }

    private static async Task<List<LedgerLine>> ReadAsync(HttpRequest request, int maxRows, CancellationToken ct) =>
        LedgerLine.From(await SheetFile.ReadAsync(request, LedgerColumns.Sheet, maxRows, ct));

    private static string Names<T>(string separator)
        where T : struct, Enum => string.Join(separator, Enum.GetNames<T>());
}
