namespace PartyPlatform.Spreadsheets;

/// <summary>A file with bad rows; each error is keyed "rows[N].column", N counting data rows from 1.</summary>
public sealed class SheetRejectedException(IDictionary<string, string[]> errors)
    : Exception($"{errors.Count} problem(s) in the file; nothing was imported.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>Adds a row's problems (keyed by column) under "rows[N].column".</summary>
    public static void Collect(Dictionary<string, string[]> errors, int number, IReadOnlyDictionary<string, string> problems)
    {
        foreach (var (column, message) in problems)
        {
            errors[$"rows[{number}].{column}"] = [message];
        }
    }
}
