namespace PartyPlatform.Organizations.Imports;

/// <summary>
/// One unit of an imported tree. Units are matched by their division code; the parent is named
/// by its code, either an existing unit or another row of the same import.
/// <see cref="PartyOrganization"/> optionally names a village's or community's own Party organisation.
/// </summary>
public sealed record UnitImportRow(string? Code, string? Name, string? Kind, string? ParentCode, string? PartyOrganization = null);

public sealed record ImportResult(int Rows, int Created, int Renamed, int Unchanged, int PartyOrganizationsCreated);
