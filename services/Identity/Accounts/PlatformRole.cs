namespace PartyPlatform.Identity.Accounts;

/// <summary>
/// What a caller may do. The names travel as they are in the <c>role</c> claim, so they are part of
/// the platform's contract: rename one and every service's authorization changes.
/// </summary>
public enum PlatformRole
{
    CityAdministrator,
    CityOperator,
    CityViewer,
    CountyOperator,
    TownshipOperator,
    Viewer,
    PersonnelOfficer,
}

public static class PlatformRoles
{
    public static string DisplayName(PlatformRole role) => role switch
    {
        PlatformRole.CityAdministrator => "市级管理员",
        PlatformRole.CityOperator => "市级操作员",
        PlatformRole.CityViewer => "市级查看员",
        PlatformRole.CountyOperator => "县级操作员",
        PlatformRole.TownshipOperator => "镇级操作员",
        PlatformRole.Viewer => "查看员",
        PlatformRole.PersonnelOfficer => "组织人事专员",
        _ => role.ToString(),
    };

    /// <summary>The level of unit a holder of <paramref name="role"/> must belong to; null where any level will do.</summary>
    public static UnitLevel? RequiredLevel(PlatformRole role) => role switch
    {
        PlatformRole.CityAdministrator or PlatformRole.CityOperator or PlatformRole.CityViewer => UnitLevel.City,
        PlatformRole.CountyOperator => UnitLevel.County,
        PlatformRole.TownshipOperator => UnitLevel.Township,
        _ => null,
    };
}
