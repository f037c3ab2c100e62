using PartyPlatform.Personnel.Imports;
using PartyPlatform.Personnel.People;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Personnel.Benchmark;

/// <summary>
/// A county's roster as a file: per village a secretary, a committee director and reserve talent, each person
/// with a valid ID number of their own, in the import's columns.
/// </summary>
public static class Roster
{
    private static readonly string[] Columns =
    [
        PeopleSheetColumns.Name, PeopleSheetColumns.Gender, PeopleSheetColumns.BirthDate, PeopleSheetColumns.Ethnicity,
        PeopleSheetColumns.Education, PeopleSheetColumns.JoinedPartyOn, PeopleSheetColumns.Source, PeopleSheetColumns.IdNumber,
        PeopleSheetColumns.Phone, PeopleSheetColumns.UnitCode, PeopleSheetColumns.PostKind, PeopleSheetColumns.PostStart,
    ];

    /// <summary><paramref name="rows"/> people spread over the villages, numbered from <paramref name="first"/> (another range, other people).</summary>
    public static List<IReadOnlyList<string?>> Rows(int rows, int first = 0)
    {
        var villages = BenchmarkApp.VillageCodes.ToList();
        var perVillage = (rows + villages.Count - 1) / villages.Count;
        return [.. Enumerable.Range(first, rows).Select(n =>
        {
            var village = villages[(n - first) / perVillage % villages.Count];
            var kind = ((n - first) % perVillage) switch { 0 => "VillageSecretary", 1 => "VillageCommitteeDirector", _ => "ReserveTalent" };
            var born = new DateOnly(1960, 1, 1).AddDays(n % 12_000);
            return (IReadOnlyList<string?>)
            [
                $"示例{n}", n % 3 == 0 ? "Female" : "Male", born.ToString("yyyy-MM-dd"), "汉族", "SeniorSecondary",
                born.AddYears(25).ToString("yyyy-MM-dd"), "ReturnedMigrantWorker", IdNumber(born, n), $"139{n:D8}", village, kind, "2021-01-01",
            ];
        })];
    }

    public static async Task<byte[]> WorkbookAsync(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        using var workbook = new MemoryStream();
        await SheetWorkbook.WriteAsync(workbook, Columns, rows, CancellationToken.None);
        return workbook.ToArray();
    }

    public static object Person(IReadOnlyList<string?> row, Guid unitId) => new
    {
        unitId, name = row[0], gender = row[1], birthDate = row[2], ethnicity = row[3], education = row[4], joinedPartyOn = row[5],
        source = row[6], idNumber = row[7], phone = row[8],
    };

    /// <summary>A valid ID number of the county born on <paramref name="born"/>: its sequence from n (unique with the birth day for n below 12,000,000).</summary>
    private static string IdNumber(DateOnly born, int n)
    {
        var first17 = $"610502{born:yyyyMMdd}{n / 12_000 % 1000:D3}";
        return first17 + "0123456789X".First(c => CitizenIdNumber.TryParse(first17 + c, out _, out _));
    }
}
