using Sylvan.Data.Csv;

namespace PartyPlatform.Venues.Ledger;

/// <summary>The ledger as CSV: a header row naming the <see cref="LedgerColumns"/>, then one line per venue.</summary>
public static class LedgerCsv
{
    public static async Task<List<LedgerLine>> ReadAsync(TextReader text, int maxRows, CancellationToken ct)
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
            var columns = LedgerColumns.Locate([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)]);
            var lines = new List<LedgerLine>();
            var number = 0;
            try
            {
                while (await csv.ReadAsync(ct))
                {
                    number++;
                    var record = LedgerRecord.From(column =>
                        columns.TryGetValue(column, out var ordinal) && csv.GetString(ordinal) is { Length: > 0 } value ? value : null);
                    LedgerFile.Add(lines, number, record, maxRows);
                }
            }
            catch (CsvFormatException exception)
            {
                throw new RuleViolationException($"rows[{number}]", $"Malformed CSV: {exception.Message}");
            }

            return lines;
        }
    }

    public static async Task WriteAsync(TextWriter text, IEnumerable<LedgerRecord> records)
    {
        await text.WriteLineAsync(string.Join(',', LedgerColumns.All));
        foreach (var record in records)
        {
            await text.WriteLineAsync(string.Join(',', record.Cells.Select(Quote)));
        }
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
