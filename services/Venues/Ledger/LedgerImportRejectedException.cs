namespace PartyPlatform.Venues.Ledger;

/// <summary>A ledger with bad rows; each error is keyed "rows[N].column", N counting data rows from 1.</summary>
public sealed class LedgerImportRejectedException(IDictionary<string, string[]> errors)
    : Exception($"{errors.Count} problem(s) in the ledger; nothing was imported.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
