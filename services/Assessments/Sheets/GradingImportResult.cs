namespace PartyPlatform.Assessments.Sheets;

/// <summary>What an import did: rows read (blank ones not counted), gradings decided (or decided again) from the file, and those already decided on its values.</summary>
public sealed record GradingImportResult(int Rows, int Decided, int Unchanged);
