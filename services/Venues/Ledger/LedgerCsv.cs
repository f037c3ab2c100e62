using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Venues.Ledger;

/// <summary>The ledger as CSV: a header row naming the <see cref="LedgerColumns"/>, then one line per venue.</summary>
public static class LedgerCsv
{
    public static async Task WriteAsync(TextWriter text, IEnumerable<LedgerRecord> records)
    {
        await SheetCsv.WriteLineAsync(text, LedgerColumns.All);
        foreach (var record in records)
        {
            await SheetCsv.WriteLineAsync(text, record.Cells);
        }
    }
}
