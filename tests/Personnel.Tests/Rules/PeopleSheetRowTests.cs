using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Imports;
using PartyPlatform.Personnel.People;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Personnel.Tests.Rules;

/// <summary>A row of the people sheet read and checked on its own, by the rules of POST /people.</summary>
public sealed class PeopleSheetRowTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private const string Header = "Name,GENDER,birthDate,ethnicity,education,joinedPartyOn,source,idNumber,phone,unitCode,postKind,postStart";

    private const string Good = "张建国,male,1985-03-14,汉族,SeniorSecondary,2010-07-01,WealthLeader,610502198503141236,13912345678,610502001201,VillageSecretary,2021-01-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_csv_is_read_by_header_name_in_any_case_skipping_blank_rows_but_counting_them()
    {
        var lines = await ReadAsync($"{Header}\n,,,,,,,,,,,\n{Good}\n");

        var line = Assert.Single(lines);
        Assert.Equal((2, "张建国", "610502001201"), (line.Number, line[PeopleSheetColumns.Name], line[PeopleSheetColumns.UnitCode]));
        var (row, problems) = PeopleSheetRow.Parse(line, Today);
        Assert.Empty(problems);
        Assert.Equal((Gender.Male, PostKind.VillageSecretary, new DateOnly(2021, 1, 1), "610502001201"),
            (row!.Details.Gender, row.PostKind, row.PostStart, row.PostUnitCode));
    }

    [Fact]
    public async Task A_row_with_many_problems_names_each_column_once_with_the_apis_rules()
    {
        var line = Assert.Single(await ReadAsync($"{Header}\n,Other,1985-3-14,汉族,Degree,,Nobody,610502198503141236,12,,Mayor,\n"));

        var (row, problems) = PeopleSheetRow.Parse(line, Today);

        Assert.Null(row);
        Assert.Equal(["birthDate", "education", "gender", "name", "phone", "postKind", "postStart", "source", "unitCode"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Unknown gender 'Other'", problems["gender"]);
    }

    [Theory]
    [InlineData("610502198503141237", "idNumber")]
    [InlineData("610502198503151236", "idNumber")]
    public async Task The_id_number_and_birth_date_are_checked_as_for_a_registration(string idNumber, string column)
    {
        var line = Assert.Single(await ReadAsync($"{Header}\n{Good.Replace("610502198503141236", idNumber)}\n"));

        var (_, problems) = PeopleSheetRow.Parse(line, Today);

        Assert.Equal([column], problems.Keys);
    }

    [Fact]
    public async Task The_party_age_is_checked_as_for_a_registration()
    {
        var line = Assert.Single(await ReadAsync($"{Header}\n{Good.Replace("2010-07-01", "2002-01-01")}\n"));

        Assert.Equal(["joinedPartyOn"], PeopleSheetRow.Parse(line, Today).Problems.Keys);
    }

    [Fact]
    public async Task A_file_without_a_required_column_or_past_the_cap_is_refused_as_a_file()
    {
        var missing = await Assert.ThrowsAsync<RuleViolationException>(() => ReadAsync("name,gender\n张,Male\n"));
        var tooMany = await Assert.ThrowsAsync<RuleViolationException>(() => ReadAsync($"{Header}\n{Good}\n{Good}\n", maxRows: 1));

        Assert.Equal(("file", "file"), (missing.Field, tooMany.Field));
        Assert.Contains("idNumber", missing.Message);
        Assert.Contains("at most 1 rows", tooMany.Message);
    }

    private static Task<List<SheetLine>> ReadAsync(string csv, int maxRows = 10) =>
        SheetCsv.ReadAsync(new StringReader(csv), PeopleSheetColumns.Sheet, maxRows, Ct);
}
