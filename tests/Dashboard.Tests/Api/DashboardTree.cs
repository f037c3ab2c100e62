using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>
/// 渭南市 → 临渭区 → 东镇, and 华州区 → 南镇: enough tree for the scope rule. Ids are fresh per test;
/// codes are the same in every test's own database.
/// </summary>
public sealed class DashboardTree
{
    public const string CityCode = "610500000000";
    public const string CountyCode = "610502000000";
    public const string TownshipCode = "610502001000";
    public const string OtherCountyCode = "610503000000";
    public const string OtherTownshipCode = "610503001000";
    public const string VillageCode = "610502001201";
    public const string OtherVillageCode = "610503001201";

    private readonly Dictionary<string, AdministrativeUnitChanged> byCode = [];

    public DashboardTree()
    {
        Add(CityCode, "渭南市", UnitKind.City, UnitLevel.City, null);
        Add(CountyCode, "临渭区", UnitKind.District, UnitLevel.County, CityCode);
        Add(TownshipCode, "东镇", UnitKind.Township, UnitLevel.Township, CountyCode);
        Add(OtherCountyCode, "华州区", UnitKind.District, UnitLevel.County, CityCode);
        Add(OtherTownshipCode, "南镇", UnitKind.Township, UnitLevel.Township, OtherCountyCode);
        Add(VillageCode, "东1村", UnitKind.Village, UnitLevel.Village, TownshipCode);
        Add(OtherVillageCode, "南1村", UnitKind.Village, UnitLevel.Village, OtherTownshipCode);
    }

    public IEnumerable<AdministrativeUnitChanged> Units => byCode.Values;

    public AdministrativeUnitChanged this[string code] => byCode[code];

    public Guid Id(string code) => byCode[code].UnitId;

    private void Add(string code, string name, UnitKind kind, UnitLevel level, string? parentCode) =>
        byCode[code] = new AdministrativeUnitChanged(
            Guid.CreateVersion7(), 1, UnitChange.Created, name, kind, level, code,
            parentCode is null ? null : byCode[parentCode].UnitId, false, null, DateTimeOffset.UnixEpoch);
}
