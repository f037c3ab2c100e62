using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>People and their posts from a file, all or nothing and safe to send again; exports masked and scoped.</summary>
public sealed class PeopleSheetsApiTests
{
    private const string Header = "name,gender,birthDate,ethnicity,education,joinedPartyOn,source,idNumber,phone,unitCode,postKind,postStart";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Village1 => TestTree.VillageCode(TestTree.TownshipCode, 1);

    [Fact]
    public async Task A_good_file_registers_its_people_and_begins_their_posts_with_events_and_audit()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var result = await ImportAsync(county, Csv(
            Row(1, "VillageSecretary"),
            Row(2, "VillageCommitteeDirector"),
            "",
            Row(3, "ReserveTalent"),
            Row(4, null, unitCode: TestTree.TownshipCode)));

        Assert.Equal((4, 4, 0, 3, 0), Counts(result));
        await using var db = app.OpenDb();
        var people = await db.People.OrderBy(p => p.Name).ToListAsync(Ct);
        Assert.Equal(["人1", "人2", "人3", "人4"], people.Select(p => p.Name));
        Assert.Equal((Id(1), "13812340001", app.Tree.Village(TestTree.TownshipCode, 1)), (people[0].IdNumber, people[0].Phone, people[0].UnitId));
        var posts = await db.Posts.ToListAsync(Ct);
        Assert.Equal([PostKind.VillageSecretary, PostKind.VillageCommitteeDirector, PostKind.ReserveTalent], posts.Select(p => p.Kind).Order());
        Assert.All(posts, p => Assert.Equal(new DateOnly(2021, 1, 1), p.Start));
        var events = await app.PublishedAsync<PostChanged>();
        Assert.Equal(posts.Select(p => p.Id).Order(), events.Select(e => e.Event.PostId).Order());
        Assert.All(events, e => Assert.DoesNotContain(Id(1)[..10], e.Payload));
        Assert.Equal(4, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == "Person" && a.ActorUnit == TestTree.CountyCode, Ct));
        // The secretary counts in the profiles above the village, once for the whole file.
        var profiles = (await app.PublishedAsync<VillageSecretaryProfileChanged>()).ConvertAll(e => e.Event);
        Assert.Equal((1, 1L), (profiles.Single(p => p.UnitId == app.Tree.Id(TestTree.TownshipCode)).Secretaries, profiles.Single(p => p.UnitId == app.Tree.Id(TestTree.CityCode)).Version));
    }

    [Fact]
    public async Task A_file_with_two_bad_rows_writes_nothing_and_names_both()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var badCheck = Id(2)[..17] + (Id(2)[17] == '0' ? '1' : '0');

        var response = await PostAsync(county, Csv(
            Row(1, "VillageSecretary"),
            Row(2, null).Replace(Id(2), badCheck),
            Row(3, "VillageSecretary")), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["rows[2].idNumber", "rows[3].postStart"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("check character", errors.GetProperty("rows[2].idNumber")[0].GetString());
        Assert.Contains("held from 2021-01-01", errors.GetProperty("rows[3].postStart")[0].GetString());
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task The_same_workbook_twice_changes_nothing_and_other_details_for_a_known_id_number_are_an_error()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var workbook = await WorkbookAsync(Row(1, "VillageSecretary"), Row(2, "ReserveTalent"));

        var first = await ImportAsync(county, workbook, SheetFile.XlsxMediaType);
        var second = await ImportAsync(county, workbook, SheetFile.XlsxMediaType);
        var renamed = await PostAsync(county, Csv(Row(1, "VillageSecretary").Replace("人1", "人一")), SheetFile.CsvMediaType);

        Assert.Equal((2, 2, 0, 2, 0), Counts(first));
        Assert.Equal((2, 0, 2, 0, 2), Counts(second));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("registered already", (await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("rows[1].idNumber")[0].GetString());
        await using var db = app.OpenDb();
        Assert.Equal((2, 2, 2), (await db.People.CountAsync(Ct), await db.Posts.CountAsync(Ct), (await app.PublishedAsync<PostChanged>()).Count));
        Assert.Equal(1, await db.People.CountAsync(p => p.Name == "人1", Ct));
    }

    [Fact]
    public async Task A_csv_saved_as_gb18030_reads_its_chinese_as_written()
    {
        await using var app = await PersonnelApp.StartAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var content = new ByteArrayContent(Encoding.GetEncoding("gb18030").GetBytes(Csv(Row(1, "VillageSecretary"))));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=gb18030");

        var response = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode).PostAsync("/api/personnel/people/imports", content, Ct);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        var person = await db.People.SingleAsync(Ct);
        Assert.Equal(("人1", "汉族"), (person.Name, person.Ethnicity));
    }

    [Fact]
    public async Task A_row_on_a_unit_of_another_county_refuses_the_file_naming_the_row()
    {
        await using var app = await PersonnelApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var response = await PostAsync(county, Csv(
            Row(1, "VillageSecretary"),
            Row(2, "VillageSecretary", unitCode: TestTree.VillageCode(TestTree.OtherTownshipCode, 1))), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Row 2", await response.Content.ReadAsStringAsync(Ct));
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task The_export_masks_personal_information_and_stays_in_the_callers_unit()
    {
        await using var app = await PersonnelApp.StartAsync();
        await ImportAsync(app.CreateClient(), Csv(
            Row(1, "VillageSecretary"),
            Row(2, null),
            Row(3, "VillageSecretary", unitCode: TestTree.VillageCode(TestTree.OtherTownshipCode, 1))));
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var csv = await county.GetAsync("/api/personnel/people/export", Ct);
        var xlsx = await county.GetAsync("/api/personnel/people/export?format=xlsx", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (csv.StatusCode, xlsx.StatusCode));
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        var lines = text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"{Id(1)[..6]}********{Id(1)[^4..]},138****0001,{Village1},东1村,VillageSecretary,2021-01-01", text);
        var cells = MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        Assert.Contains("人2", cells);
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.DoesNotContain(Id(n), text);
            Assert.DoesNotContain(Phone(n), text);
            Assert.DoesNotContain(cells, c => c.Contains(Id(n)) || c.Contains(Phone(n)));
        }

        Assert.DoesNotContain("人3", text);
        Assert.DoesNotContain("人3", cells);
        Assert.Equal(HttpStatusCode.NotFound,
            (await county.GetAsync($"/api/personnel/people/export?unitId={app.Tree.Id(TestTree.OtherCountyCode)}", Ct)).StatusCode);
    }

    private static string Id(int n) => GraduateOfficials.IdNumber("610502", n);

    private static string Phone(int n) => $"1381234{n:D4}";

    private static string Row(int n, string? postKind, string? unitCode = null) =>
        $"人{n},Male,1998-01-01,汉族,Bachelor,2019-06-01,Other,{Id(n)},{Phone(n)},{unitCode ?? Village1},{postKind},{(postKind is null ? "" : "2021-01-01")}";

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static async Task<byte[]> WorkbookAsync(params string[] rows)
    {
        var columns = Header.Split(',');
        using var workbook = new MemoryStream();
        await SheetWorkbook.WriteAsync(workbook, columns, rows.Select(r => (IReadOnlyList<string?>)r.Split(',')), Ct);
        return workbook.ToArray();
    }

    private static Task<JsonElement> ImportAsync(HttpClient client, string csv) => ImportAsync(client, Encoding.UTF8.GetBytes(csv), SheetFile.CsvMediaType);

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, string mediaType)
    {
        var response = await PostAsync(client, file, mediaType);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, string mediaType) => PostAsync(client, Encoding.UTF8.GetBytes(csv), mediaType);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string mediaType)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync("/api/personnel/people/imports", content, Ct);
    }

    private static (int Rows, int Registered, int PeopleUnchanged, int Begun, int PostsUnchanged) Counts(JsonElement result) => (
        result.GetProperty("rows").GetInt32(), result.GetProperty("peopleRegistered").GetInt32(), result.GetProperty("peopleUnchanged").GetInt32(),
        result.GetProperty("postsBegun").GetInt32(), result.GetProperty("postsUnchanged").GetInt32());

    private static async Task AssertNothingWrittenAsync(PersonnelApp app)
    {
        await using var db = app.OpenDb();
        Assert.Equal((0, 0, 0), (await db.People.CountAsync(Ct), await db.Posts.CountAsync(Ct), await db.Set<OutboxMessage>().CountAsync(Ct)));
    }
}
