using Sylvan.Data.Csv;

namespace PartyPlatform.Spreadsheets;

/// <summary>A sheet as CSV: a header row naming the columns, then one line per row.</summary>
public static class SheetCsv
{
    public static async Task<List<SheetLine>> ReadAsync(TextReader text, SheetColumns known, int maxRows, CancellationToken ct)
    {
        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text);
        }
        catch (CsvFormatException exception)
        {
            throw new RuleViolationException("file", $"The file is not readable CSV: {exception.Message}");
        }

        await using (csv)
        {
            var columns = known.Locate([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)]);
            var lines = new List<SheetLine>();
            var number = 0;
            try
            {
                while (await csv.ReadAsync(ct))
                {
                    number++;
                    SheetLine.Add(lines, number, columns, ordinal => ordinal < csv.RowFieldCount ? csv.GetString(ordinal) : null, maxRows);
                }
            }
            catch (CsvFormatException exception)
            {
                throw new RuleViolationException($"rows[{number}]", $"Malformed CSV: {exception.Message}");
            }

            return lines;
        }
    }

    public static Task WriteLineAsync(TextWriter text, IEnumerable<string?> cells) =>
        text.WriteLineAsync(string.Join(',', cells.Select(Quote)));

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
