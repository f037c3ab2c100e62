using System.Globalization;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.DemoData;

/// <summary>
/// The made-up people of one demo village: its Party secretary, its committee director (none of its own when
/// the secretary holds both posts, 一肩挑) and its reserve talent. The same people every run: everything is
/// drawn from a random sequence seeded with the village code, and names end in "（示例）".
/// </summary>
public sealed record DemoVillageStaff(PersonDetails Secretary, PersonDetails? Director, IReadOnlyList<PersonDetails> ReserveTalent)
{
    public const string SyntheticMark = "（示例）";

    /// <summary>Person slots of one village in the ID number's sequence: secretary, director and up to six reserves.</summary>
    private const int Slots = 8;

    private const int LastJoinYear = 2024;

    private const string Surnames = "王李张刘杨赵陈孙马郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string GivenNameCharacters = "建国军平华明伟强勇涛斌超鹏刚志红英芳丽娟霞燕玲静敏婷雪梅兰秀文武卫东海波峰磊鑫宏亮晓春秋冬林森新宁安康乐永福禄寿喜庆";

    private static readonly (PersonSource Source, int Weight)[] SecretarySources =
    [
        (PersonSource.WealthLeader, 35), (PersonSource.ReturnedMigrantWorker, 20), (PersonSource.Veteran, 15),
        (PersonSource.CollegeGraduateOfficial, 5), (PersonSource.RetiredTeacher, 5), (PersonSource.RetiredSectionCadre, 5), (PersonSource.Other, 15),
    ];

    /// <summary>Some wealth leaders are not (yet) Party members, so that the demo's award candidates (members only) are a subset.</summary>
    private static readonly (PersonSource Source, int Weight)[] NonMemberSources =
    [
        (PersonSource.WealthLeader, 15), (PersonSource.ReturnedMigrantWorker, 25), (PersonSource.Veteran, 10), (PersonSource.Other, 50),
    ];

    /// <summary>
    /// The staff of the village with this 12-digit code (county, township, village: the tree's codes) and
    /// <paramref name="reserveTarget"/> reserves or one more. ID numbers are unique across the demo city by
    /// construction: the county is the region, the township the birth day, the village and slot the sequence.
    /// </summary>
    public static DemoVillageStaff For(string villageCode, int reserveTarget)
    {
        var random = new Random((int)(long.Parse(villageCode, CultureInfo.InvariantCulture) % int.MaxValue));
        var region = villageCode[..6];
        var township = int.Parse(villageCode.AsSpan(6, 3), CultureInfo.InvariantCulture);
        var village = int.Parse(villageCode.AsSpan(9, 3), CultureInfo.InvariantCulture);
        // Villages are numbered from 201, communities from 1 (no township has more than 30 of either).
        var villageSlot = village > 200 ? village - 200 : 30 + village;

        PersonDetails Draw(int slot, int bornFrom, int bornTo, int maleInTen, bool member)
        {
            var male = random.Next(10) < maleInTen;
            var born = new DateOnly(random.Next(bornFrom, bornTo + 1), random.Next(1, 13), 1 + (township - 1) % 28);
            var idNumber = CitizenIdNumber.Compose(region, born, ((villageSlot * Slots + slot) * 2) + (male ? 1 : 0));
            var name = $"{Surnames[random.Next(Surnames.Length)]}{GivenNameCharacters[random.Next(GivenNameCharacters.Length)]}"
                       + (random.Next(3) == 0 ? "" : GivenNameCharacters[random.Next(GivenNameCharacters.Length)].ToString()) + SyntheticMark;
            var education = (Education)random.Next((int)Education.JuniorSecondary, (int)Education.Bachelor + 1);
            // Joined at 20 or later, and before the demo's own past ends (2025), so that no day lies in the future.
            DateOnly? joined = member ? born.AddYears(random.Next(20, Math.Min(36, LastJoinYear - born.Year))).AddDays(random.Next(365)) : null;
            return new PersonDetails(
                name, male ? Gender.Male : Gender.Female, born, random.Next(20) == 0 ? "回族" : "汉族", education, joined,
                Pick(random, member ? SecretarySources : NonMemberSources), idNumber,
                string.Create(CultureInfo.InvariantCulture, $"13{random.Next(100_000_000, 999_999_999)}"));
        }

        var secretary = Draw(0, 1962, 1988, 8, member: true);
        // About half the villages have one person in both posts, as the notice encourages.
        var director = random.Next(100) < 55 ? null : Draw(1, 1960, 1990, 8, member: random.Next(3) > 0);
        var reserves = Math.Min(reserveTarget + random.Next(2), Slots - 2);
        var reserveTalent = Enumerable.Range(2, reserves).Select(slot => Draw(slot, 1988, 2001, 6, member: random.Next(2) == 0)).ToList();
        return new DemoVillageStaff(secretary, director, reserveTalent);
    }

    private static PersonSource Pick(Random random, (PersonSource Source, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (source, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return source;
            }
        }

        return PersonSource.Other;
    }
}
