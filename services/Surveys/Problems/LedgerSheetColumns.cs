using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Surveys.Problems;

/// <summary>The columns of the ledger sheet and of the overdue list, named like the API's fields, in the order an export writes them.</summary>
public static class LedgerSheetColumns
{
    public const string OrganizationCode = "organizationCode";
    public const string OrganizationName = "organizationName";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string RaisedOn = "raisedOn";
    public const string Said = "said";
    public const string Spread = "spread";
    public const string Recurrence = "recurrence";
    public const string Stage = "stage";
    public const string Deadline = "deadline";
    public const string Overdue = "overdue";
    public const string ClosedOn = "closedOn";
    public const string CountyCode = "countyCode";
    public const string CountyName = "countyName";
    public const string ResponsibleUnit = "responsibleUnit";
    public const string OverdueSince = "overdueSince";

    /// <summary>Every column a ledger export writes; an import reads the five it needs and ignores the rest, which the rules decide.</summary>
    public static readonly SheetColumns Ledger = new(
        [OrganizationCode, OrganizationName, Kind, Category, RaisedOn, Said, Spread, Recurrence, Stage, Deadline, Overdue, ClosedOn],
        [OrganizationCode, Kind, Category, RaisedOn, Said]);

    /// <summary>The overdue list, county by county: an export only.</summary>
    public static readonly IReadOnlyList<string> OverdueList =
        [CountyCode, CountyName, OrganizationCode, OrganizationName, Category, Stage, ResponsibleUnit, Deadline, OverdueSince];
}
