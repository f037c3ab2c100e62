using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PartyPlatform.Spreadsheets;

/// <summary>A sheet as the answer to an export: the format asked for (<c>?format=csv|xlsx</c>), and the file written in it.</summary>
public static class SheetDownload
{
    /// <summary>Whether <c>format</c> asks for an .xlsx (csv is the default); anything else is 400 naming the field.</summary>
    public static bool IsXlsx(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => false,
        "xlsx" => true,
        _ => throw new RuleViolationException("format", $"Unknown format '{format}'; ask for csv or xlsx."),
    };

    /// <summary>
    /// The rows under a header row of <paramref name="columns"/>, as CSV (UTF-8 with a byte order mark, so that Excel
    /// opens the Chinese as such) streamed as they are read, or as an .xlsx, named <paramref name="name"/>.csv or .xlsx.
    /// </summary>
    public static PushStreamHttpResult Of(
        bool xlsx, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<string?>> rows, string name, CancellationToken ct)
    {
        if (xlsx)
        {
            return TypedResults.Stream(async body =>
            {
                // MiniExcel writes from a list, and an .xlsx is a zip that cannot go out before it is whole.
                var all = await rows.ToListAsync(ct);
                using var workbook = new MemoryStream();
                await SheetWorkbook.WriteAsync(workbook, columns, all, ct);
                workbook.Position = 0;
                await workbook.CopyToAsync(body, ct);
            }, SheetFile.XlsxMediaType, $"{name}.xlsx");
        }

        return TypedResults.Stream(async body =>
        {
            await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await SheetCsv.WriteLineAsync(text, columns);
            await foreach (var row in rows.WithCancellation(ct))
            {
                await SheetCsv.WriteLineAsync(text, row);
            }
        }, $"{SheetFile.CsvMediaType}; charset=utf-8", $"{name}.csv");
    }
}
