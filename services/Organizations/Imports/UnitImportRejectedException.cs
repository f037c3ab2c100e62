namespace PartyPlatform.Organizations.Imports;

/// <summary>An import with bad rows; each error is keyed "rows[N].field", N counting data rows from 1.</summary>
public sealed class UnitImportRejectedException(IDictionary<string, string[]> errors)
    : Exception($"{errors.Count} row error(s); nothing was imported.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
