using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Venues.Ledger;

/// <summary>A line of a ledger file and its number: data rows count from 1 after the header, blank ones included, as errors name them ("rows[N].field").</summary>
public sealed record LedgerLine(int Number, LedgerRecord Record)
{
    public static List<LedgerLine> From(IEnumerable<SheetLine> lines) =>
        [.. lines.Select(line => new LedgerLine(line.Number, LedgerRecord.From(column => line[column])))];
}
