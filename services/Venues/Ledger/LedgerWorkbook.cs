using MiniExcelLibs;

namespace PartyPlatform.Venues.Ledger;

/// <summary>The ledger as an Excel workbook (.xlsx): its first sheet, laid out like <see cref="LedgerCsv"/>.</summary>
public static class LedgerWorkbook
{
    public static async Task WriteAsync(Stream workbook, IReadOnlyList<LedgerRecord> records, CancellationToken ct) =>
        await workbook.SaveAsAsync(records, excelType: ExcelType.XLSX, cancellationToken: ct);
}
