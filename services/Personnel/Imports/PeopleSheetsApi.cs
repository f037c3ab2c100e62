using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using Column = PartyPlatform.Personnel.Imports.PeopleSheetColumns;

namespace PartyPlatform.Personnel.Imports;

public static class PeopleSheetsApi
{
    /// <summary>People per query of an export.</summary>
    private const int ExportBatch = 1000;

    private static readonly string Columns = $"""
        Columns (a header row; any order; names case-insensitive): {Column.Name}, {Column.Gender} ({Names<Gender>()}), {Column.BirthDate} (yyyy-MM-dd),
        {Column.Ethnicity}, {Column.Education} ({Names<Education>()}), {Column.JoinedPartyOn} (yyyy-MM-dd, empty for a non-member), {Column.Source} ({Names<PersonSource>()}),
        {Column.IdNumber} (18 characters, GB 11643), {Column.Phone} (may be empty), {Column.UnitCode} (the division code of the person's unit), {Column.UnitName}
        (ignored on import), and for a term in a post: {Column.PostKind} ({Names<PostKind>()}), {Column.PostStart} (yyyy-MM-dd) and {Column.PostUnitCode}
        (the post's unit when it is not the person's, e.g. a first secretary's village).
        """;

    public static RouteGroupBuilder MapPeopleSheetsApi(this IEndpointRouteBuilder routes)
    {
        var sheets = routes.MapGroup("/api/personnel/people")
            .WithTag("People sheets", "People and their posts from and to CSV or Excel, all or nothing, safe to send again; exports masked.");
        var options = routes.ServiceProvider.GetRequiredService<IOptions<PeopleImportOptions>>().Value;

        sheets.MapPost("/imports", Import)
            .RequireAuthorization(PlatformPolicies.Write)
            .Accepts<string>(SheetFile.CsvMediaType, SheetFile.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportPeople")
            .WithSummary("Import people and their posts from CSV or Excel (.xlsx), all or nothing")
            .WithDescription($"""
                The body is the file itself: Content-Type {SheetFile.CsvMediaType} (UTF-8, or charset=gb18030) or {SheetFile.XlsxMediaType}
                (the first sheet is read); anything else is 415. At most {options.MaxRows} rows and {options.MaxBodyBytes} bytes
                (Personnel:Imports); more rows is 400 keyed "file" and nothing is written; blank rows are skipped.
                {Columns}

                One row per person, with at most one term. The rules are POST /people's and POST /posts': the ID number's check
                character and birth date, the Party age, the post's level, one holder per post. A person is known by ID number: a
                row with the details recorded changes nothing, other details are an error (an import never changes a person). A
                term is known by (person, unit, kind, start): recorded already, it changes nothing; else it begins, and PostChanged
                is published as for POST /posts.

                All or nothing: if any row is bad, the answer is 400 with every bad row's reason keyed "rows[N].column" (N counts
                data rows from 1, after the header) and nothing is written. A file that cannot be read, or lacks a column, is 400
                keyed "file". A row naming a unit outside the caller's refuses the whole batch with 403.
                """);

        sheets.MapGet("/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: SheetFile.CsvMediaType, additionalContentTypes: SheetFile.XlsxMediaType)
            .WithName("ExportPeople")
            .WithSummary("Export the people of the caller's unit (or of one unit in it) with their running posts, masked, as CSV or Excel")
            .WithDescription($"""
                One row per running term (a person without one: one row, the post empty), in the import's columns, the ID number
                and phone masked as in every read; named people-<code>.csv or .xlsx. unitId picks a unit in your unit (another id
                answers 404); format is csv (the default) or xlsx. A masked file does not import again: the ID numbers are hidden.
                {Columns}
                """);

        return sheets;
    }

    private static async Task<Results<Ok<PeopleImportResult>, ValidationProblem>> Import(
        HttpRequest request, PersonnelDb db, ReplicaScope scope, CityCalendar calendar, TimeProvider time,
        IOptions<PeopleImportOptions> options, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxBodyBytes;
        }

        var lines = await SheetFile.ReadAsync(request, Column.Sheet, options.Value.MaxRows, ct);
        try
        {
            return TypedResults.Ok(await new PeopleImporter(db, scope, calendar, time).ImportAsync(lines, ct));
        }
        catch (SheetRejectedException rejected)
        {
            return TypedResults.ValidationProblem(rejected.Errors, detail: rejected.Message, title: "The file was rejected.");
        }
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> Export(
        Guid? unitId, string? format, PersonnelDb db, ReplicaScope scope, HttpContext http, CancellationToken ct)
    {
        var xlsx = SheetDownload.IsXlsx(format);
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var code = unitId is { } id
            ? (await units.Where(u => u.Id == id).Select(u => u.Code).FirstOrDefaultAsync(ct)) ?? id.ToString()
            : CallerScope.Of(http.User).UnitCode ?? "all";
        return SheetDownload.Of(xlsx, Column.Sheet.All, new PeopleSheetExport(db, ExportBatch).RowsAsync(units, ct), $"people-{code}", ct);
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(" | ", Enum.GetNames<T>());
}
