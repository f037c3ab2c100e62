namespace PartyPlatform.Surveys.Households;

/// <summary>What a households import did: rows read (blank ones not counted), organisations whose households changed, and rows recorded already.</summary>
public sealed record HouseholdsImportResult(int Rows, int Changed, int Unchanged);
