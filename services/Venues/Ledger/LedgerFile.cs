namespace PartyPlatform.Venues.Ledger;

/// <summary>The ledger as a file: the formats it comes in, and the rows read from it.</summary>
public static class LedgerFile
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Keeps a line read from a file unless it is blank; refuses the file past <paramref name="maxRows"/> lines (<see cref="LedgerOptions"/>).</summary>
    public static void Add(List<LedgerLine> lines, int number, LedgerRecord record, int maxRows)
    {
        if (record.IsBlank)
        {
            return;
        }

        if (lines.Count == maxRows)
        {
            throw new RuleViolationException("file", $"A ledger holds at most {maxRows} rows; split the file.");
        }

        lines.Add(new LedgerLine(number, record));
    }
}
