namespace PartyPlatform.Venues.Ledger;

/// <summary>The ledger as a file: the formats it comes in, and how many rows one may hold.</summary>
public static class LedgerFile
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>More than a county has villages; one import is one transaction, so it stays bounded.</summary>
    public const int MaxRows = 5000;

    /// <summary>Keeps a line read from a file unless it is blank; refuses the file past <see cref="MaxRows"/> lines.</summary>
    public static void Add(List<LedgerLine> lines, int number, LedgerRecord record)
    {
        if (record.IsBlank)
        {
            return;
        }

        if (lines.Count == MaxRows)
        {
            throw new RuleViolationException("file", $"A ledger holds at most {MaxRows} rows; split the file.");
        }

        lines.Add(new LedgerLine(number, record));
    }
}
