using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.Spreadsheets;
using PartyPlatform.Surveys.Households;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class HouseholdsApiTests
{
    private const string Header = "organizationCode,households";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string East(int n) => TestTree.VillageCode(TestTree.TownshipCode, n);

    private static string South(int n) => TestTree.VillageCode(TestTree.OtherTownshipCode, n);

    [Fact]
    public async Task Households_import_publishing_once_per_changed_organisation_and_sent_again_changes_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 100);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var file = Encoding.UTF8.GetBytes(Csv($"{East(1)},120", $"{East(2)},100", $"{East(3)},80"));

        var first = await ImportAsync(county, campaign, file, SheetFile.CsvMediaType);
        var again = await ImportAsync(county, campaign, file, SheetFile.CsvMediaType);

        Assert.Equal((3, 2, 1), Counts(first));
        Assert.Equal((3, 0, 3), Counts(again));
        await using var db = app.OpenDb();
        var households = await db.CampaignOrganizations.Where(o => o.CampaignId == campaign).ToDictionaryAsync(o => o.OrganizationCode, o => o.Households, Ct);
        Assert.Equal((120, 100, 80, 100), (households[East(1)], households[East(2)], households[East(3)], households[South(1)]));
        var published = await app.PublishedAsync<OrganizationVisitFiguresChanged>();
        Assert.Equal([(East(1), 120), (East(3), 80)], published.Select(e => (e.OrganizationCode, e.Households!.Value)).Order());
        var changed = await db.CampaignOrganizations.SingleAsync(o => o.CampaignId == campaign && o.OrganizationCode == East(1), Ct);
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.EntityId == changed.Id.ToString(), Ct);
        Assert.Equal(TestTree.CountyCode, audit.ActorUnit);
        Assert.Contains("120", audit.Changes);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_naming_every_bad_row_and_writes_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 100);
        var city = app.CreateClient();
        await Visits.RecordAsync(city, campaign, East(3), "H-1");
        await Visits.RecordAsync(city, campaign, East(3), "H-2");
        var before = (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Count;

        var response = await PostAsync(city, campaign, Encoding.UTF8.GetBytes(Csv(
            $"{East(1)},120",
            "610599001201,50",
            $"{East(2)},很多",
            $"{East(3)},1",
            $"{South(1)},0",
            $"{South(2)},100001",
            $"{East(1)},130")), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["rows[2].organizationCode", "rows[3].households", "rows[4].households", "rows[5].households", "rows[6].households", "rows[7].organizationCode"],
            errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("row 1", errors.GetProperty("rows[7].organizationCode")[0].GetString());
        Assert.Contains("2 distinct households", errors.GetProperty("rows[4].households")[0].GetString());
        await using var db = app.OpenDb();
        Assert.All(await db.CampaignOrganizations.Where(o => o.CampaignId == campaign).ToListAsync(Ct), o => Assert.Equal(100, o.Households));
        Assert.Equal(before, (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Count);
    }

    [Fact]
    public async Task Households_import_from_gb18030_csv_and_from_xlsx_ignoring_other_columns()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: null);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes($"组织名称,households,organizationCode\n东1村党支部,150,{East(1)}\n");

        var csv = await ImportAsync(county, campaign, gb18030, $"{SheetFile.CsvMediaType}; charset=gb18030");
        var xlsx = await ImportAsync(county, campaign, await WorkbookAsync([$"{East(2)},75", $"{East(1)},150"]), SheetFile.XlsxMediaType);

        Assert.Equal(((1, 1, 0), (2, 1, 1)), (Counts(csv), Counts(xlsx)));
        await using var db = app.OpenDb();
        var households = await db.CampaignOrganizations.Where(o => o.CampaignId == campaign && o.Households != null)
            .ToDictionaryAsync(o => o.OrganizationCode, o => o.Households, Ct);
        Assert.Equal(new Dictionary<string, int?> { [East(1)] = 150, [East(2)] = 75 }, households);
    }

    [Fact]
    public async Task A_row_naming_an_organisation_of_another_county_refuses_the_file_with_403()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 100);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var response = await PostAsync(county, campaign, Encoding.UTF8.GetBytes(Csv($"{East(1)},120", $"{South(1)},abc")), SheetFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Row 2", await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.OpenDb();
        Assert.All(await db.CampaignOrganizations.Where(o => o.CampaignId == campaign).ToListAsync(Ct), o => Assert.Equal(100, o.Households));
        Assert.Empty(await app.PublishedAsync<OrganizationVisitFiguresChanged>());
    }

    [Fact]
    public async Task The_gaps_export_lists_blank_spots_first_then_those_under_the_floor_within_the_callers_county()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync(households: 2);
        var city = app.CreateClient();
        // The floor is 90 %: one of two households visited is under it; 南2村 is a blank spot; 东1村 is visited in full.
        await Visits.RecordAsync(city, campaign, South(1), "H-1");
        await Visits.RecordAsync(city, campaign, East(1), "H-1");
        await Visits.RecordAsync(city, campaign, East(1), "H-2");
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode);

        var csv = await county.GetAsync($"/api/surveys/campaigns/{campaign}/gaps/export", Ct);
        var xlsx = await county.GetAsync($"/api/surveys/campaigns/{campaign}/gaps/export?format=xlsx&unitId={app.Tree.Id(TestTree.OtherTownshipCode)}", Ct);
        var other = await county.GetAsync($"/api/surveys/campaigns/{campaign}/gaps/export?unitId={app.Tree.Id(TestTree.CountyCode)}", Ct);

        Assert.Equal(
        [
            string.Join(',', HouseholdsSheetColumns.Gaps),
            $"{South(2)},南2村党支部,{South(2)},南2村,2,0,0.0,yes",
            $"{South(1)},南1村党支部,{South(1)},南1村,2,1,50.0,no",
        ], await Sheets.TextAsync(csv));
        Assert.Equal($"gaps-{TestTree.OtherCountyCode}.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var rows = SheetWorkbook.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)),
            new SheetColumns(HouseholdsSheetColumns.Gaps, HouseholdsSheetColumns.Gaps), 100, Ct);
        Assert.Equal([(South(2), "yes"), (South(1), "no")], rows.Select(r => (r[HouseholdsSheetColumns.OrganizationCode]!, r[HouseholdsSheetColumns.BlankSpot]!)));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static async Task<byte[]> WorkbookAsync(string[] rows)
    {
        using var workbook = new MemoryStream();
        await SheetWorkbook.WriteAsync(workbook, ["note", .. Header.Split(',')], rows.Select(r => (IReadOnlyList<string?>)["备注", .. r.Split(',')]), Ct);
        return workbook.ToArray();
    }

    private static Task<JsonElement> ImportAsync(HttpClient client, Guid campaign, byte[] file, string mediaType) =>
        Sheets.ImportAsync(client, Path(campaign), file, mediaType);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid campaign, byte[] file, string mediaType) =>
        Sheets.PostAsync(client, Path(campaign), file, mediaType);

    private static string Path(Guid campaign) => $"/api/surveys/campaigns/{campaign}/households/imports";

    private static (int Rows, int Changed, int Unchanged) Counts(JsonElement result) =>
        (result.GetProperty("rows").GetInt32(), result.GetProperty("changed").GetInt32(), result.GetProperty("unchanged").GetInt32());
}
