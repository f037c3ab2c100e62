using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>A county's whole round of results from a file, all or nothing and safe to send again; the grading list and the targets' progress as files.</summary>
public sealed class GradingSheetsApiTests
{
    /// <summary>The first indicator headed by its code, the others by their names: a file may do either.</summary>
    private const string Header = "组织代码,等次,team,党员队伍,活动场所,制度机制,发展成效,群众满意度,佐证材料";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>County A's six villages (东镇 and 西镇, three each); its community is not graded.</summary>
    private static readonly string[] CountyA =
        [.. new[] { TestTree.TownshipCode, TestTree.SecondTownshipCode }.SelectMany(t => Enumerable.Range(1, 3).Select(n => TestTree.VillageCode(t, n)))];

    private static string East(int n) => TestTree.VillageCode(TestTree.TownshipCode, n);

    private static string West(int n) => TestTree.VillageCode(TestTree.SecondTownshipCode, n);

    [Fact]
    public async Task A_countys_csv_decides_every_village_publishing_each_and_sent_again_in_gb18030_changes_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var round = await Gradings.OpenRoundAsync(app.CreateClient());
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var grades = new[] { "好", "较好", "一般", "较差", "Good", "fairlygood" };
        var file = Csv([.. CountyA.Select((code, i) => Row(code, grades[i], score: i == 0 ? "18.5" : "10"))]);

        var first = await ImportAsync(county, app, round, TestTree.CountyCode, Encoding.UTF8.GetBytes(file), SheetFile.CsvMediaType);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var again = await ImportAsync(county, app, round, TestTree.CountyCode, Encoding.GetEncoding("GB18030").GetBytes(file), "text/csv; charset=gb18030");

        Assert.Equal((6, 6, 0), Counts(first));
        Assert.Equal((6, 0, 6), Counts(again));
        await using var db = app.OpenDb();
        var gradings = await db.Gradings.OrderBy(g => g.OrganizationCode).ToListAsync(Ct);
        Assert.Equal(CountyA, gradings.Select(g => g.OrganizationCode));
        Assert.Equal([Grade.Good, Grade.FairlyGood, Grade.Average, Grade.Poor, Grade.Good, Grade.FairlyGood], gradings.Select(g => g.Grade));
        Assert.All(gradings, g => Assert.Equal((GradingStep.CountyDecided, 3L, "组织生活会记录齐全"), (g.Step, g.Version, g.Evidence)));
        Assert.Equal(18.5m, gradings[0].Scores.Single(s => s.Code == "team").Score);
        var steps = await db.GradingSteps.ToListAsync(Ct);
        Assert.Equal(18, steps.Count);
        Assert.All(steps, s => Assert.Equal(Grading.FromFileNote, s.Note));
        var events = await app.PublishedAsync<OrganizationGraded>();
        Assert.Equal(CountyA, events.Select(e => e.OrganizationCode).Order());
        Assert.All(events, e => Assert.Equal((3L, GradingStep.CountyDecided, true), (e.Version, e.Step, e.IsResult)));
        Assert.Equal(6, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == "Grading", Ct));
    }

    [Fact]
    public async Task A_changed_file_changes_only_the_villages_whose_values_changed()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var round = await Gradings.OpenRoundAsync(app.CreateClient());
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        await ImportAsync(county, app, round, TestTree.CountyCode, Encoding.UTF8.GetBytes(Csv([.. CountyA.Select(code => Row(code, "好"))])), SheetFile.CsvMediaType);

        var changed = await ImportAsync(county, app, round, TestTree.CountyCode,
            Encoding.UTF8.GetBytes(Csv([.. CountyA.Select(code => Row(code, code == East(2) ? "一般" : "好", evidence: code == West(3) ? "补充了会议记录" : "组织生活会记录齐全"))])),
            SheetFile.CsvMediaType);

        Assert.Equal((6, 2, 4), Counts(changed));
        await using var db = app.OpenDb();
        var versions = await db.Gradings.ToDictionaryAsync(g => g.OrganizationCode, g => (g.Version, g.Grade, g.Step), Ct);
        Assert.Equal((4L, Grade.Average, GradingStep.CountyDecided), versions[East(2)]);
        Assert.Equal((4L, Grade.Good, GradingStep.CountyDecided), versions[West(3)]);
        Assert.Equal(4, versions.Values.Count(v => v.Version == 3));
        Assert.Equal(8, (await app.PublishedAsync<OrganizationGraded>()).Count);
    }

    [Fact]
    public async Task An_xlsx_takes_a_self_assessed_or_reviewed_grading_on_to_the_countys_decision_keeping_the_townships_steps()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        var selfAssessed = await Gradings.GradedAsync(city, round, app.OrganizationId(East(1)), "Average", last: null);
        var reviewed = await Gradings.GradedAsync(city, round, app.OrganizationId(East(2)), "Average", last: "review");
        var countyOperator = Guid.NewGuid();
        var county = app.CreateClientAsPerson(PlatformRoles.CountyOperator, TestTree.CountyCode, countyOperator);

        var imported = await ImportAsync(county, app, round, TestTree.CountyCode,
            await WorkbookAsync([.. CountyA.Select(code => Row(code, code == East(2) ? "Average" : "较好"))]), SheetFile.XlsxMediaType);

        Assert.Equal((6, 6, 0), Counts(imported));
        var steps = (await city.GetFromJsonAsync<JsonElement>($"/api/assessments/gradings/{selfAssessed}", Ct)).GetProperty("steps").EnumerateArray()
            .Select(s => (s.GetProperty("step").GetString(), s.GetProperty("grade").GetString(), s.GetProperty("actor").GetString(), s.GetProperty("note").GetString()));
        Assert.Equal(
        [
            ("SelfAssessed", "Average", "test-client", null), ("TownshipReviewed", "Average", countyOperator.ToString(), Grading.FromFileNote),
            ("CountyDecided", "FairlyGood", countyOperator.ToString(), Grading.FromFileNote),
        ], steps);
        await using var db = app.OpenDb();
        Assert.Equal(3, await db.GradingSteps.CountAsync(s => s.GradingId == reviewed, Ct));
        var decided = await db.Gradings.SingleAsync(g => g.Id == reviewed, Ct);
        Assert.Equal((GradingStep.CountyDecided, Grade.Average, 3L), (decided.Step, decided.Grade, decided.Version));
        Assert.Equal(6, await db.Gradings.CountAsync(g => g.Step == GradingStep.CountyDecided, Ct));
    }

    [Fact]
    public async Task A_file_with_bad_rows_or_a_village_left_out_is_refused_whole_naming_each_and_changes_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        var filed = await Gradings.GradedAsync(city, round, app.OrganizationId(West(1)), "Good", last: "file");
        var publishedBefore = (await app.PublishedAsync<OrganizationGraded>()).Count;
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var response = await Sheets(county, round, app.Tree.Id(TestTree.CountyCode), Encoding.UTF8.GetBytes(Csv(
            Row(East(1), "优秀"),
            Row("610599001201", "好"),
            Row(TestTree.VillageCode(TestTree.OtherTownshipCode, 1), "好"),
            Row(West(1), "较差"),
            Row(East(2), "好", score: "25"),
            Row(East(2), "好"),
            Row(West(2), "好", evidence: ""))), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["file", "rows[1].等次", "rows[2].组织代码", "rows[3].组织代码", "rows[4].等次", "rows[5].team", "rows[6].组织代码", "rows[7].佐证材料"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("final", errors.GetProperty("rows[4].等次")[0].GetString());
        Assert.Contains("row 5", errors.GetProperty("rows[6].组织代码")[0].GetString());
        Assert.Equal([East(3), West(3)], errors.GetProperty("file").EnumerateArray().Select(e => e.GetString()![(e.GetString()!.IndexOf('(') + 1)..e.GetString()!.IndexOf(')')]));
        await using var db = app.OpenDb();
        var only = Assert.Single(await db.Gradings.ToListAsync(Ct));
        Assert.Equal((filed, GradingStep.CityFiled, Grade.Good, 4L), (only.Id, only.Step, only.Grade, only.Version));
        Assert.Equal(4, await db.GradingSteps.CountAsync(Ct));
        Assert.Equal(publishedBefore, (await app.PublishedAsync<OrganizationGraded>()).Count);
    }

    [Fact]
    public async Task A_county_outside_the_callers_unit_is_404_as_a_missing_one_and_a_file_missing_an_indicator_is_400()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var round = await Gradings.OpenRoundAsync(app.CreateClient());
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode);
        var file = Encoding.UTF8.GetBytes(Csv([.. CountyA.Select(code => Row(code, "好"))]));

        var otherCounty = await Sheets(county, round, app.Tree.Id(TestTree.OtherCountyCode), file, SheetFile.CsvMediaType);
        var byTownship = await Sheets(township, round, app.Tree.Id(TestTree.CountyCode), file, SheetFile.CsvMediaType);
        var missing = await Sheets(county, round, Guid.NewGuid(), file, SheetFile.CsvMediaType);
        var noIndicator = await Sheets(county, round, app.Tree.Id(TestTree.CountyCode),
            Encoding.UTF8.GetBytes(string.Join('\n', Header.Replace(",群众满意度", ""), Row(East(1), "好").Replace(",10,组织", ",组织"))), SheetFile.CsvMediaType);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (otherCounty.StatusCode, byTownship.StatusCode, missing.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, noIndicator.StatusCode);
        Assert.Contains("群众满意度", (await noIndicator.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("file")[0].GetString());
        await using var db = app.OpenDb();
        Assert.False(await db.Gradings.AnyAsync(Ct));
    }

    [Fact]
    public async Task The_grading_list_and_the_targets_progress_export_as_csv_and_xlsx_within_the_callers_unit()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        await Gradings.GradedAsync(city, round, app.OrganizationId(East(1)), "Good", last: "decide");
        await Gradings.GradedAsync(city, round, app.OrganizationId(East(2)), "Poor", last: "file");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.OtherTownshipCode, 1)), "Poor", last: "decide");
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var csv = await TextAsync(await county.GetAsync($"/api/assessments/rounds/{round}/gradings/export", Ct));
        var xlsx = await county.GetAsync($"/api/assessments/rounds/{round}/gradings/export?format=xlsx", Ct);
        var targets = await TextAsync(await county.GetAsync($"/api/assessments/rounds/{round}/targets/export", Ct));
        var cityTargets = await TextAsync(await city.GetAsync($"/api/assessments/rounds/{round}/targets/export?format=csv", Ct));
        var badFormat = await county.GetAsync($"/api/assessments/rounds/{round}/gradings/export?format=pdf", Ct);
        var otherCounty = await county.GetAsync($"/api/assessments/rounds/{round}/gradings/export?unitId={app.Tree.Id(TestTree.OtherCountyCode)}", Ct);
        var missingRound = await county.GetAsync($"/api/assessments/rounds/{Guid.NewGuid()}/targets/export", Ct);

        Assert.Equal("组织代码,组织名称,乡镇,县区,等次,环节,班子队伍,党员队伍,活动场所,制度机制,发展成效,群众满意度,佐证材料,已备案", csv[0]);
        Assert.Equal(
        [
            $"{East(1)},东1村党支部,东镇,临渭区,好,县级评定,10,10,10,10,10,10,组织生活会记录齐全，村务公开到位,否",
            $"{East(2)},东2村党支部,东镇,临渭区,较差,市级备案,10,10,10,10,10,10,组织生活会记录齐全，村务公开到位,是",
            $"{East(3)},东3村党支部,东镇,临渭区,,,,,,,,,,",
        ], csv[1..4]);
        Assert.Equal(CountyA, csv[1..].Select(l => l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = SheetWorkbook.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)),
            new SheetColumns(csv[0].Split(','), ["组织代码"]), 100, Ct);
        Assert.Equal(CountyA, sheet.Select(l => l["组织代码"]));
        Assert.Equal(("较差", "是"), (sheet[1]["等次"], sheet[1]["已备案"]));
        Assert.Equal(
        [
            "单位代码,单位名称,好和较好占比目标下限(%),较差占比目标上限(%),自定目标,村党组织数,已定等次数,好和较好数,较差数,好和较好占比(%),较差占比(%),达标,低于目标等次村数",
            $"{TestTree.CountyCode},临渭区,30.0,20.0,否,6,2,1,1,50,50,否,0",
        ], targets);
        Assert.Equal([TestTree.CountyCode, TestTree.OtherCountyCode, TestTree.CityCode], cityTargets[1..].Select(l => l.Split(',')[0]));
        Assert.EndsWith("8,3,1,2,33.3,66.7,否,0", cityTargets[3]);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (badFormat.StatusCode, otherCounty.StatusCode, missingRound.StatusCode));
    }

    private static string Row(string code, string grade, string score = "10", string evidence = "组织生活会记录齐全") =>
        $"{code},{grade},{score},10,10,10,10,10,{evidence}";

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static (int Rows, int Decided, int Unchanged) Counts(JsonElement result) =>
        (result.GetProperty("rows").GetInt32(), result.GetProperty("decided").GetInt32(), result.GetProperty("unchanged").GetInt32());

    private static async Task<byte[]> WorkbookAsync(string[] rows)
    {
        using var workbook = new MemoryStream();
        await SheetWorkbook.WriteAsync(workbook, Header.Split(','), rows.Select(r => (IReadOnlyList<string?>)r.Split(',')), Ct);
        return workbook.ToArray();
    }

    private static Task<HttpResponseMessage> Sheets(HttpClient client, Guid round, Guid county, byte[] file, string mediaType)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return client.PostAsync($"/api/assessments/rounds/{round}/counties/{county}/gradings/imports", content, Ct);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, AssessmentsApp app, Guid round, string countyCode, byte[] file, string mediaType)
    {
        var response = await Sheets(client, round, app.Tree.Id(countyCode), file, mediaType);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The lines of an exported CSV, its byte order mark and line ends taken off.</summary>
    private static async Task<string[]> TextAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r')).ToArray();
    }
}
