using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.TestInfrastructure;

/// <summary>
/// 渭南市 → 临渭区 (two townships of three villages each, and a community) and 华州区 (one township
/// of two villages). Ids are fresh per test; codes are the same in every test's own database.
/// </summary>
public sealed class TestTree
{
    public const string CityCode = "610500000000";
    public const string CountyCode = "610502000000";
    public const string TownshipCode = "610502001000";
    public const string SecondTownshipCode = "610502002000";
    public const string OtherCountyCode = "610503000000";
    public const string OtherTownshipCode = "610503001000";

    private readonly Dictionary<string, AdministrativeUnitChanged> byCode = [];

    public TestTree()
    {
        Add(CityCode, "渭南市", UnitKind.City, UnitLevel.City, null);
        Add(CountyCode, "临渭区", UnitKind.District, UnitLevel.County, CityCode);
        Add(TownshipCode, "东镇", UnitKind.Township, UnitLevel.Township, CountyCode);
        Add(SecondTownshipCode, "西镇", UnitKind.Township, UnitLevel.Township, CountyCode);
        Add(OtherCountyCode, "华州区", UnitKind.District, UnitLevel.County, CityCode);
        Add(OtherTownshipCode, "南镇", UnitKind.Township, UnitLevel.Township, OtherCountyCode);
        for (var n = 1; n <= 3; n++)
        {
            Add(VillageCode(TownshipCode, n), $"东{n}村", UnitKind.Village, UnitLevel.Village, TownshipCode);
            Add(VillageCode(SecondTownshipCode, n), $"西{n}村", UnitKind.Village, UnitLevel.Village, SecondTownshipCode);
        }

        Add("610502001001", "东镇社区", UnitKind.Community, UnitLevel.Village, TownshipCode);
        Add(VillageCode(OtherTownshipCode, 1), "南1村", UnitKind.Village, UnitLevel.Village, OtherTownshipCode);
        Add(VillageCode(OtherTownshipCode, 2), "南2村", UnitKind.Village, UnitLevel.Village, OtherTownshipCode);
    }

    public IEnumerable<AdministrativeUnitChanged> Units => byCode.Values;

    /// <summary>The n-th village (from 1) of a township, e.g. 610502001201.</summary>
    public static string VillageCode(string townshipCode, int n) => $"{townshipCode[..9]}{200 + n}";

    public Guid Id(string code) => byCode[code].UnitId;

    public Guid Village(string townshipCode, int n) => Id(VillageCode(townshipCode, n));

    private void Add(string code, string name, UnitKind kind, UnitLevel level, string? parentCode) =>
        byCode[code] = new AdministrativeUnitChanged(
            Guid.CreateVersion7(), 1, UnitChange.Created, name, kind, level, code,
            parentCode is null ? null : byCode[parentCode].UnitId, false, null, DateTimeOffset.UnixEpoch);
}
