using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Organizations.Units;

/// <summary>The level each kind of unit stands at, and its Chinese name for people.</summary>
public static class UnitKinds
{
    public static UnitLevel LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.City => UnitLevel.City,
        UnitKind.County or UnitKind.CountyLevelCity or UnitKind.District
            or UnitKind.HighTechZone or UnitKind.EconomicZone => UnitLevel.County,
        UnitKind.Township or UnitKind.Street => UnitLevel.Township,
        UnitKind.Village or UnitKind.Community => UnitLevel.Village,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(UnitKind kind) => kind switch
    {
        UnitKind.City => "市",
        UnitKind.County => "县",
        UnitKind.CountyLevelCity => "县级市",
        UnitKind.District => "区",
        UnitKind.HighTechZone => "高新区",
        UnitKind.EconomicZone => "经开区",
        UnitKind.Township => "乡镇",
        UnitKind.Street => "街道",
        UnitKind.Village => "行政村",
        UnitKind.Community => "社区",
        _ => kind.ToString(),
    };
}
