namespace PartyPlatform.Venues.Ledger;

/// <summary>What an import did: rows read (blank ones not counted), venues created, venues changed, and rows that matched what was recorded.</summary>
public sealed record LedgerImportResult(int Rows, int Created, int Updated, int Unchanged);
