namespace PartyPlatform.Security;

/// <summary>The roles Identity puts in the <c>role</c> claim.</summary>
public static class PlatformRoles
{
    public const string CityAdministrator = "CityAdministrator";
    public const string CityOperator = "CityOperator";
    public const string CityViewer = "CityViewer";
    public const string CountyOperator = "CountyOperator";
    public const string TownshipOperator = "TownshipOperator";
    public const string Viewer = "Viewer";

    /// <summary>
    /// An organisation department's personnel officer: reads like a viewer in its unit, and is the only role
    /// that may see personal information (citizen ID numbers, phones) unmasked there (个人信息保护法).
    /// </summary>
    public const string PersonnelOfficer = "PersonnelOfficer";

    public static readonly string[] All = [CityAdministrator, CityOperator, CityViewer, CountyOperator, TownshipOperator, Viewer, PersonnelOfficer];

    /// <summary>Roles that see the whole city, whatever unit the account is bound to.</summary>
    public static readonly string[] CityWide = [CityAdministrator, CityOperator, CityViewer];

    /// <summary>Roles that may change data (inside their scope).</summary>
    public static readonly string[] Writers = [CityAdministrator, CityOperator, CountyOperator, TownshipOperator];
}
