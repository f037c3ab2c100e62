using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Venues.Ledger;

/// <summary>The formats the ledger comes in, as <see cref="SheetFile"/> reads them.</summary>
public static class LedgerFile
{
    public const string CsvMediaType = SheetFile.CsvMediaType;
    public const string XlsxMediaType = SheetFile.XlsxMediaType;
}
