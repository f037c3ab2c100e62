using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Organizations.Imports;

namespace PartyPlatform.Organizations.DemoData;

/// <summary>
/// A synthetic city of Weinan's shape for development and demos: the real county-level units and
/// their codes, then about 150 townships, 3,000 villages and 200 communities whose names are made
/// up and end in "（示例）" so that nobody mistakes them for real places. Same output on every run.
/// </summary>
public static class DemoCity
{
    public const string SyntheticMark = "（示例）";
    public const string CityCode = "610500000000";

    private static readonly (string Name, string Code, UnitKind Kind, int Townships)[] Counties =
    [
        ("临渭区", "610502", UnitKind.District, 17),
        ("华州区", "610503", UnitKind.District, 13),
        ("潼关县", "610522", UnitKind.County, 7),
        ("大荔县", "610523", UnitKind.County, 18),
        ("合阳县", "610524", UnitKind.County, 13),
        ("澄城县", "610525", UnitKind.County, 11),
        ("蒲城县", "610526", UnitKind.County, 17),
        ("白水县", "610527", UnitKind.County, 9),
        ("富平县", "610528", UnitKind.County, 16),
        ("韩城市", "610581", UnitKind.CountyLevelCity, 14),
        ("华阴市", "610582", UnitKind.CountyLevelCity, 8),
        // The zones have no national code; these two are the platform's own, outside the national ranges.
        ("高新区", "610571", UnitKind.HighTechZone, 4),
        ("经开区", "610572", UnitKind.EconomicZone, 3),
    ];

    private const string FirstSyllables = "东西南北上下前后新老大小高金银石杏柳桃李杨王张刘赵孙马常安永兴福寿康宁丰庆和平龙凤云山河湾沟坡塬川";

    private const string SecondSyllables = "庄寨堡村家营店桥集岭坡峪头湾渠泉池台口里屯园林阳明光华盛源";

    /// <summary>Beyond the villages (两新组织): enterprises and new social organisations, each with its Party organisation.</summary>
    private static readonly (string Suffix, PartyOrganizationKind Kind)[] Bodies =
    [
        ("果业有限公司党支部", PartyOrganizationKind.Enterprise),
        ("建材有限公司党支部", PartyOrganizationKind.Enterprise),
        ("物流有限公司党支部", PartyOrganizationKind.Enterprise),
        ("商会党支部", PartyOrganizationKind.SocialOrganization),
        ("律师事务所党支部", PartyOrganizationKind.SocialOrganization),
    ];

    public static List<UnitImportRow> Generate()
    {
        var random = new Random(2013);
        var rows = new List<UnitImportRow> { new(CityCode, "渭南市", nameof(UnitKind.City), null) };

        foreach (var county in Counties)
        {
            var countyCode = county.Code + "000000";
            rows.Add(new UnitImportRow(countyCode, county.Name, county.Kind.ToString(), CityCode));
            var townshipNames = new HashSet<string>();

            for (var t = 1; t <= county.Townships; t++)
            {
                // The seat of a district or county-level city is split into streets (街道), the rest are townships.
                var isStreet = t <= (county.Kind is UnitKind.District or UnitKind.CountyLevelCity ? 3 : 1);
                var townshipCode = $"{county.Code}{t:D3}000";
                var suffix = isStreet ? "街道" : random.Next(5) == 0 ? "乡" : "镇";
                var townshipName = UniqueName(random, townshipNames, suffix);
                rows.Add(new UnitImportRow(townshipCode, townshipName, (isStreet ? UnitKind.Street : UnitKind.Township).ToString(), countyCode));

                var villages = isStreet ? random.Next(0, 4) : random.Next(19, 29);
                var communities = isStreet ? random.Next(6, 10) : random.Next(0, 3) == 0 ? 1 : 0;
                var names = new HashSet<string>();
                for (var v = 1; v <= villages + communities; v++)
                {
                    var isCommunity = v > villages;
                    var name = UniqueName(random, names, isCommunity ? "社区" : "村");
                    var code = $"{county.Code}{t:D3}{(isCommunity ? 0 : 200) + v:D3}";
                    var organization = name.Replace(SyntheticMark, "") + (isCommunity ? "党总支" : "党支部") + SyntheticMark;
                    rows.Add(new UnitImportRow(
                        code, name, (isCommunity ? UnitKind.Community : UnitKind.Village).ToString(), townshipCode, organization));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The enterprises' and new social organisations' Party organisations: the kinds of
    /// <see cref="Bodies"/> in every county, on its townships and streets in turn. Same output on every run.
    /// </summary>
    public static List<DemoPartyOrganization> PartyOrganizations()
    {
        var random = new Random(2014);
        var organizations = new List<DemoPartyOrganization>();
        foreach (var county in Counties)
        {
            var names = new HashSet<string>();
            for (var i = 0; i < Bodies.Length; i++)
            {
                var (suffix, kind) = Bodies[i];
                var township = i % county.Townships + 1;
                organizations.Add(new DemoPartyOrganization($"{county.Code}{township:D3}000", UniqueName(random, names, suffix), kind));
            }
        }

        return organizations;
    }

    private static string UniqueName(Random random, HashSet<string> taken, string suffix)
    {
        while (true)
        {
            var name = $"{FirstSyllables[random.Next(FirstSyllables.Length)]}{SecondSyllables[random.Next(SecondSyllables.Length)]}{suffix}{SyntheticMark}";
            if (taken.Add(name))
            {
                return name;
            }
        }
    }
}

/// <summary>A Party organisation of the demo city beyond its villages, on the township with <see cref="UnitCode"/>.</summary>
public sealed record DemoPartyOrganization(string UnitCode, string Name, PartyOrganizationKind Kind);
