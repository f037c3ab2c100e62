namespace PartyPlatform.Surveys.Problems;

/// <summary>What a ledger import did: rows read (blank ones not counted), problems raised, and rows already in the ledger.</summary>
public sealed record LedgerImportResult(int Rows, int Raised, int Unchanged);
