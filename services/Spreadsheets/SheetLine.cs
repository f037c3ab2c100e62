namespace PartyPlatform.Spreadsheets;

/// <summary>
/// A data row of a sheet: its number (data rows count from 1 after the header, blank ones included, as
/// errors name them: "rows[N].column") and its cells by column name, null when blank or absent.
/// </summary>
public sealed record SheetLine(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.GetValueOrDefault(column);

    /// <summary>Reads a row through <paramref name="cell"/> (column ordinal → text) and keeps it unless blank; refuses the file past <paramref name="maxRows"/> rows.</summary>
    internal static void Add(List<SheetLine> lines, int number, Dictionary<string, int> columns, Func<int, string?> cell, int maxRows)
    {
        var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, ordinal) in columns)
        {
            cells[name] = cell(ordinal) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        }

        if (cells.Values.All(v => v is null))
        {
            return;
        }

        if (lines.Count == maxRows)
        {
            throw new RuleViolationException("file", $"A file holds at most {maxRows} rows; split it.");
        }

        lines.Add(new SheetLine(number, cells));
    }
}
