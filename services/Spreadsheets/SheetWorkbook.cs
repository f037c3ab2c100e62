using System.Globalization;
using MiniExcelLibs;

namespace PartyPlatform.Spreadsheets;

/// <summary>A sheet as an Excel workbook (.xlsx): its first sheet, laid out like <see cref="SheetCsv"/>.</summary>
public static class SheetWorkbook
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <param name="workbook">Seekable: an .xlsx is a zip archive, read from its end.</param>
    public static List<SheetLine> Read(Stream workbook, SheetColumns known, int maxRows, CancellationToken ct)
    {
        try
        {
            // Without MiniExcel's header handling: it finds no columns in a sheet that has a header row only.
            using var rows = MiniExcel.Query(workbook, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rows.MoveNext())
            {
                throw new RuleViolationException("file", "The workbook's first sheet is empty; it needs a header row.");
            }

            var letters = rows.Current.Keys.ToList();
            var columns = known.Locate([.. letters.Select(letter => Text(rows.Current[letter]))]);
            var lines = new List<SheetLine>();
            var number = 0;
            while (rows.MoveNext())
            {
                ct.ThrowIfCancellationRequested();
                number++;
                var cells = rows.Current;
                SheetLine.Add(lines, number, columns, index => cells.TryGetValue(letters[index], out var value) ? Text(value) : null, maxRows);
            }

            return lines;
        }
        // A damaged or foreign file fails wherever MiniExcel's unzipping or XML parsing meets it, with
        // whatever that step throws (InvalidDataException, InvalidOperationException, XmlException, ...).
        catch (Exception exception) when (exception is not (RuleViolationException or OperationCanceledException))
        {
            throw new RuleViolationException("file", $"The file is not a readable Excel workbook (.xlsx): {exception.Message}");
        }
    }

    /// <summary>Writes the rows (cells in <paramref name="columns"/> order) as the first sheet, every cell text.</summary>
    public static Task WriteAsync(Stream workbook, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct) =>
        workbook.SaveAsAsync(
            rows.Select(cells => (IDictionary<string, object?>)columns.Select((c, i) => (c, cells[i])).ToDictionary(x => x.c, x => (object?)x.Item2)),
            excelType: ExcelType.XLSX, cancellationToken: ct);

    /// <summary>A cell as the text a CSV would hold: numbers invariant (a code typed as a number stays its digits), dates yyyy-MM-dd.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => string.IsNullOrWhiteSpace(text) ? null : text,
        DateTime date => DateOnly.FromDateTime(date).ToString(DateFormat, CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
