namespace PartyPlatform.Personnel.Imports;

/// <summary>What an import did: rows read (blank ones not counted), people registered or already registered alike, terms begun or already recorded.</summary>
public sealed record PeopleImportResult(int Rows, int PeopleRegistered, int PeopleUnchanged, int PostsBegun, int PostsUnchanged);
