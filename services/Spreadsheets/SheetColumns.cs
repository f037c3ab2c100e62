namespace PartyPlatform.Spreadsheets;

/// <summary>The columns a sheet may have, in the order an export writes them, and those an import cannot do without.</summary>
public sealed class SheetColumns(IReadOnlyList<string> all, IReadOnlyCollection<string> required)
{
    public IReadOnlyList<string> All { get; } = all;

    /// <summary>Where each known column is in a file's header row (names case-insensitive, any order); throws naming the required columns it lacks.</summary>
    public Dictionary<string, int> Locate(IReadOnlyList<string?> header)
    {
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i]?.Trim() is { Length: > 0 } name && All.Contains(name, StringComparer.OrdinalIgnoreCase)
                && !found.TryAdd(name, i))
            {
                throw new RuleViolationException("file", $"The header row has the column {name} twice.");
            }
        }

        var missing = required.Where(c => !found.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException("file", $"The header row lacks the column(s) {string.Join(", ", missing)}.");
        }

        return found;
    }
}
