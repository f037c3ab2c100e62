using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Surveys.Households;

/// <summary>The columns of the households sheet and of the gaps export, named like the API's fields, in the order an export writes them.</summary>
public static class HouseholdsSheetColumns
{
    public const string OrganizationCode = "organizationCode";
    public const string OrganizationName = "organizationName";
    public const string UnitCode = "unitCode";
    public const string UnitName = "unitName";
    public const string Households = "households";
    public const string VisitedHouseholds = "visitedHouseholds";
    public const string VisitRate = "visitRate";
    public const string BlankSpot = "blankSpot";

    /// <summary>The import reads these two; other columns of a county's sheet are ignored.</summary>
    public static readonly SheetColumns Import = new([OrganizationCode, Households], [OrganizationCode, Households]);

    /// <summary>The 四不漏 gaps as a file.</summary>
    public static readonly IReadOnlyList<string> Gaps =
        [OrganizationCode, OrganizationName, UnitCode, UnitName, Households, VisitedHouseholds, VisitRate, BlankSpot];
}
