using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using PartyPlatform.Surveys.Problems;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class LedgerSheetsApiTests
{
    private const string Header = "organizationCode,kind,category,raisedOn,said";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string East(int n) => TestTree.VillageCode(TestTree.TownshipCode, n);

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_naming_every_bad_row_and_writes_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();

        var response = await PostAsync(app.CreateClient(), campaign, Csv(
            $"{East(1)},Problem,infrastructure,2026-06-05,村道坑洼",
            $"{East(2)},Complaint,weather,2026-06-05,天旱",
            "610599001201,Suggestion,welfare,2026-06-05,希望增加低保名额",
            $"{East(3)},Problem,conduct,2026-09-01,干部不常驻村",
            $"{East(1)},Problem,infrastructure,2026-06-05,村道坑洼"), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["rows[2].category", "rows[2].kind", "rows[3].organizationCode", "rows[4].raisedOn", "rows[5].said"],
            errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("row 1", errors.GetProperty("rows[5].said")[0].GetString());
        await using var db = app.OpenDb();
        Assert.False(await db.Problems.AnyAsync(Ct));
        Assert.Empty(await app.PublishedAsync<ProblemChanged>());
    }

    [Fact]
    public async Task A_ledger_imports_from_csv_and_xlsx_classified_and_sent_again_changes_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        string[] rows = [$"{East(1)},Problem,infrastructure,2026-06-05,村道坑洼", $"{East(2)},Problem,infrastructure,2026-06-06,路灯不亮"];

        var csv = await ImportAsync(county, campaign, Encoding.UTF8.GetBytes(Csv(rows)), SheetFile.CsvMediaType);
        var again = await ImportAsync(county, campaign, Encoding.UTF8.GetBytes(Csv(rows)), SheetFile.CsvMediaType);
        var xlsx = await ImportAsync(county, campaign, await WorkbookAsync([.. rows, $"{East(3)},Suggestion,infrastructure,2026-06-07,建议修桥"]), SheetFile.XlsxMediaType);

        Assert.Equal((2, 2, 0), Counts(csv));
        Assert.Equal((2, 0, 2), Counts(again));
        Assert.Equal((3, 1, 2), Counts(xlsx));
        await using var db = app.OpenDb();
        var problems = await db.Problems.ToListAsync(Ct);
        Assert.Equal(3, problems.Count);
        // The third organisation made the category widespread in the county, as if they had been entered one by one.
        Assert.All(problems, p => Assert.Equal(ProblemSpread.Widespread, p.Spread));
    }

    [Fact]
    public async Task A_row_naming_an_organisation_outside_the_callers_unit_refuses_the_file_with_403()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var response = await PostAsync(county, campaign, Csv(
            $"{East(1)},Problem,infrastructure,2026-06-05,村道坑洼",
            $"{TestTree.VillageCode(TestTree.OtherTownshipCode, 1)},Problem,infrastructure,2026-06-05,村道坑洼"), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Row 2", await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.False(await db.Problems.AnyAsync(Ct));
    }

    [Fact]
    public async Task The_ledger_and_the_overdue_list_export_as_csv_and_xlsx_within_the_callers_unit()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();
        var late = await Problems.RaiseAsync(city, campaign, East(1));
        await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 1), "welfare");
        await Problems.AdvanceAsync(city, late, app.Tree.Id(TestTree.TownshipCode), "assign", deadline: "2026-06-20");
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 22, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        await Eventually.TrueAsync(async () => (await app.PublishedAsync<ProblemChanged>()).Any(e => e.Overdue), TimeSpan.FromSeconds(30));
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var ledgerCsv = await Sheets.TextAsync(await county.GetAsync($"/api/surveys/campaigns/{campaign}/problems/export", Ct));
        var ledgerXlsx = await LinesAsync(await county.GetAsync($"/api/surveys/campaigns/{campaign}/problems/export?format=xlsx", Ct), LedgerSheetColumns.Ledger);
        var overdueCsv = await Sheets.TextAsync(await city.GetAsync("/api/surveys/problems/overdue/export", Ct));
        var badFormat = await county.GetAsync($"/api/surveys/campaigns/{campaign}/problems/export?format=pdf", Ct);

        Assert.Equal(
            [string.Join(',', LedgerSheetColumns.Ledger.All), $"{East(1)},东1村党支部,Problem,infrastructure,2026-06-05,村道坑洼，雨天难行,Isolated,Occasional,Assigned,2026-06-20,yes,"],
            ledgerCsv);
        var row = Assert.Single(ledgerXlsx);
        Assert.Equal((East(1), "Assigned", "yes"), (row[LedgerSheetColumns.OrganizationCode], row[LedgerSheetColumns.Stage], row[LedgerSheetColumns.Overdue]));
        Assert.Equal([string.Join(',', LedgerSheetColumns.OverdueList), $"{TestTree.CountyCode},临渭区,{East(1)},东1村党支部,infrastructure,Assigned,东镇,2026-06-20,2026-06-22"],
            overdueCsv);
        await Problems.AssertRefusedAsync(badFormat, "format", "pdf");
    }

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static async Task<byte[]> WorkbookAsync(string[] rows)
    {
        using var workbook = new MemoryStream();
        await SheetWorkbook.WriteAsync(workbook, Header.Split(','), rows.Select(r => (IReadOnlyList<string?>)r.Split(',')), Ct);
        return workbook.ToArray();
    }

    private static Task<JsonElement> ImportAsync(HttpClient client, Guid campaign, byte[] file, string mediaType) =>
        Sheets.ImportAsync(client, Path(campaign), file, mediaType);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid campaign, string csv, string mediaType) =>
        PostAsync(client, campaign, Encoding.UTF8.GetBytes(csv), mediaType);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid campaign, byte[] file, string mediaType) =>
        Sheets.PostAsync(client, Path(campaign), file, mediaType);

    private static string Path(Guid campaign) => $"/api/surveys/campaigns/{campaign}/problems/imports";

    private static (int Rows, int Raised, int Unchanged) Counts(JsonElement result) =>
        (result.GetProperty("rows").GetInt32(), result.GetProperty("raised").GetInt32(), result.GetProperty("unchanged").GetInt32());

    private static async Task<List<SheetLine>> LinesAsync(HttpResponseMessage response, SheetColumns columns)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return SheetWorkbook.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), columns, 100, Ct);
    }
}
