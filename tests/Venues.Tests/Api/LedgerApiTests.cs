using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Ledger;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Api;

public sealed class LedgerApiTests
{
    private const string Header = "villageCode,villageName,kind,floorArea,functions,rooms,state,plannedOn,startedOn,completedOn,acceptedOn,inUseOn,note";

    private static readonly string East1 = TestTree.VillageCode(TestTree.TownshipCode, 1);
    private static readonly string East2 = TestTree.VillageCode(TestTree.TownshipCode, 2);
    private static readonly string West1 = TestTree.VillageCode(TestTree.SecondTownshipCode, 1);
    private static readonly string South1 = TestTree.VillageCode(TestTree.OtherTownshipCode, 1);

    /// <summary>Three villages of 临渭区: one venue in use, one completed, one planned.</summary>
    private static readonly string Ledger = Csv(
        $"{East1},东1村,NewBuild,240.5,PartyActivity;DemocraticDeliberation,CultureRoom;Clinic,InUse,2026-02-01,2026-03-01,2026-04-15,2026-05-01,2026-05-20,按期投用",
        $"{East2},,Renovation,180,ConvenienceServices,,Completed,2026-02-10,2026-03-05,2026-05-25,,,",
        $"{West1},西1村,NewBuild,300,,,Planned,2026-05-01,,,,,");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_csv_ledger_creates_venues_with_their_states_days_and_milestones()
    {
        await using var app = await VenuesApp.StartAsync();

        var result = await ImportAsync(app.CreateClient(), Ledger, LedgerFile.CsvMediaType);

        Assert.Equal((3, 3, 0, 0), Counts(result));
        await using var db = app.OpenDb();
        var venues = await db.Venues.AsNoTracking().ToDictionaryAsync(v => v.VillageId, Ct);
        var inUse = venues[app.Tree.Id(East1)];
        Assert.Equal((VenueKind.NewBuild, 240.5m, VenueState.InUse), (inUse.Kind, inUse.FloorArea, inUse.State));
        Assert.Equal([VenueFunction.DemocraticDeliberation, VenueFunction.PartyActivity], inUse.Functions);
        Assert.Equal([IntegratedRoom.CultureRoom, IntegratedRoom.Clinic], inUse.Rooms);
        Assert.Equal(
            [(VenueState.Planned, D(2, 1)), (VenueState.UnderConstruction, D(3, 1)), (VenueState.Completed, D(4, 15)), (VenueState.Accepted, D(5, 1)), (VenueState.InUse, D(5, 20))],
            inUse.History.Select(h => (h.State, h.On)));
        Assert.All(inUse.History, h => Assert.Equal("test-client", h.Actor));
        Assert.Equal("按期投用", inUse.History[^1].Note);
        Assert.Equal([null, D(3, 1), D(4, 15), D(5, 1), D(5, 20)], inUse.Milestones.OrderBy(m => m.Order).Select(m => m.CompletedOn));

        var completed = venues[app.Tree.Id(East2)];
        Assert.Equal((VenueKind.Renovation, VenueState.Completed, D(5, 25)), (completed.Kind, completed.State, completed.StateDate));
        Assert.Equal(LedgerImporter.DefaultNote, completed.History[^1].Note);
        Assert.Equal([null, D(3, 5), D(5, 25), null, null], completed.Milestones.OrderBy(m => m.Order).Select(m => m.CompletedOn));
        var planned = venues[app.Tree.Id(West1)];
        Assert.Equal((VenueState.Planned, D(5, 1)), (planned.State, planned.StateDate));
        Assert.Single(planned.History);

        // The subsidy once for the accepted new build, though it also went on to InUse in the same import.
        var subsidy = await db.FundingLines.SingleAsync(Ct);
        Assert.Equal((inUse.Id, FundingSource.CitySubsidy, 20_000m, D(5, 1)), (subsidy.VenueId, subsidy.Source, subsidy.Pledged, subsidy.PledgedOn));
        // A state event per plan and per move: 1 + 4, 1 + 2, 1; and the coverage the accepted venue raised, in the same transaction.
        Assert.Equal(9, await db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains(nameof(VenueChanged)), Ct));
        var coverage = (await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(VenueCoverageChanged))).ToListAsync(Ct))
            .Select(m => (VenueCoverageChanged)MessageSerializer.Deserialize(m.MessageType, m.Payload).Message)
            .ToDictionary(c => c.UnitCode!, c => (c.Villages, c.VillagesWithVenue));
        Assert.Equal((3, 1), coverage[TestTree.TownshipCode]);
        Assert.Equal((6, 1), coverage[TestTree.CountyCode]);
    }

    [Fact]
    public async Task An_excel_ledger_imports_like_a_csv_one_whatever_its_cells_hold()
    {
        await using var app = await VenuesApp.StartAsync();
        // As people type them: the code and the area as numbers, days as dates, headers in their own case.
        var workbook = Workbook(
            new Dictionary<string, object?>
            {
                ["VillageCode"] = long.Parse(East1), ["kind"] = "newbuild", ["floorArea"] = 240.5, ["functions"] = "PartyActivity",
                ["rooms"] = "", ["state"] = "Accepted", ["plannedOn"] = new DateTime(2026, 2, 1), ["startedOn"] = new DateTime(2026, 3, 1),
                ["completedOn"] = "2026-04-15", ["acceptedOn"] = new DateTime(2026, 5, 1), ["inUseOn"] = null,
            },
            new Dictionary<string, object?>
            {
                ["VillageCode"] = East2, ["kind"] = "Renovation", ["floorArea"] = "180", ["functions"] = null,
                ["rooms"] = "Clinic;PoliceRoom", ["state"] = "Planned", ["plannedOn"] = "2026-02-10", ["startedOn"] = null,
                ["completedOn"] = null, ["acceptedOn"] = null, ["inUseOn"] = null,
            });

        var result = await ImportAsync(app.CreateClient(), workbook, LedgerFile.XlsxMediaType);

        Assert.Equal((2, 2, 0, 0), Counts(result));
        await using var db = app.OpenDb();
        var accepted = await db.Venues.AsNoTracking().SingleAsync(v => v.VillageId == app.Tree.Id(East1), Ct);
        Assert.Equal((VenueKind.NewBuild, 240.5m, VenueState.Accepted), (accepted.Kind, accepted.FloorArea, accepted.State));
        Assert.Equal([D(2, 1), D(3, 1), D(4, 15), D(5, 1)], accepted.History.Select(h => h.On));
        var planned = await db.Venues.AsNoTracking().SingleAsync(v => v.VillageId == app.Tree.Id(East2), Ct);
        Assert.Equal([IntegratedRoom.Clinic, IntegratedRoom.PoliceRoom], planned.Rooms);
        Assert.Equal(1, await db.FundingLines.CountAsync(Ct));
    }

    [Fact]
    public async Task Bad_rows_are_each_named_by_row_and_column_and_nothing_is_written()
    {
        await using var app = await VenuesApp.StartAsync();
        var ledger = Csv(
            $"{East1},东1村,NewBuild,240.5,,,Planned,2026-02-01,,,,,",
            "610502001299,无此村,NewBuild,100,,,Planned,2026-02-01,,,,,",
            $"{East2},东2村,NewBuild,-20,,,Planned,2026-02-01,,,,,",
            "",
            $"{West1},西1村,NewBuild,300,,,Completed,2026-03-01,2026-02-01,2026-04-01,,,");

        var response = await PostAsync(app.CreateClient(), Encoding.UTF8.GetBytes(ledger), LedgerFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["rows[2].villageCode", "rows[3].floorArea", "rows[5].startedOn"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("610502001299", errors.GetProperty("rows[2].villageCode")[0].GetString());
        Assert.Contains("before plannedOn", errors.GetProperty("rows[5].startedOn")[0].GetString());
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_naming_the_file()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();

        var notAWorkbook = await PostAsync(client, [.. Enumerable.Range(0, 512).Select(i => (byte)(i * 37))], LedgerFile.XlsxMediaType);
        var missingColumns = await PostAsync(client, Encoding.UTF8.GetBytes($"villageCode,kind,floorArea,state,plannedOn\n{East1},NewBuild,100,Planned,2026-02-01\n"), LedgerFile.CsvMediaType);
        var json = await PostAsync(client, Encoding.UTF8.GetBytes("[]"), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, notAWorkbook.StatusCode);
        Assert.Contains("xlsx", await FileErrorAsync(notAWorkbook));
        Assert.Equal(HttpStatusCode.BadRequest, missingColumns.StatusCode);
        Assert.Contains("functions, rooms", await FileErrorAsync(missingColumns));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task A_ledger_longer_than_the_configured_cap_is_refused_saying_the_cap_and_nothing_is_written()
    {
        await using var app = await VenuesApp.StartAsync();
        await using var capped = app.WithWebHostBuilder(host => host.UseSetting("Venues:Ledger:MaxRows", "2"));
        var client = capped.CreateClient();
        var row = $"{East1},,NewBuild,1,,,Planned,2026-02-01,,,,,";

        var tooLong = await PostAsync(client, Encoding.UTF8.GetBytes(Csv(row, row.Replace(East1, East2), row.Replace(East1, West1))), LedgerFile.CsvMediaType);
        var workbook = await PostAsync(client, Workbook([.. new[] { East1, East2, West1 }.Select(code => LedgerColumns.All.ToDictionary(
            column => column,
            column => (object?)(column switch { "villageCode" => code, "kind" => "NewBuild", "floorArea" => "1", "state" => "Planned", "plannedOn" => "2026-02-01", _ => null })))]),
            LedgerFile.XlsxMediaType);
        var defaultCap = new LedgerOptions().MaxRows;

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 2 rows", await FileErrorAsync(tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, workbook.StatusCode);
        Assert.Contains("at most 2 rows", await FileErrorAsync(workbook));
        Assert.Equal(5000, defaultCap);
        await AssertNothingWrittenAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Encoding.UTF8.GetBytes(Csv(row, row.Replace(East1, East2))), LedgerFile.CsvMediaType)).StatusCode);
    }

    [Fact]
    public async Task A_county_importing_a_village_of_another_county_is_refused_whole()
    {
        await using var app = await VenuesApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var ledger = Csv(
            $"{East1},东1村,NewBuild,240.5,,,Planned,2026-02-01,,,,,",
            $"{South1},南1村,NewBuild,abc,,,Planned,2026-02-01,,,,,");

        var response = await PostAsync(county, Encoding.UTF8.GetBytes(ledger), LedgerFile.CsvMediaType);
        var viewer = await PostAsync(app.CreateClientAs(PlatformRoles.Viewer, TestTree.CountyCode), Encoding.UTF8.GetBytes(Ledger), LedgerFile.CsvMediaType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(South1, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        await AssertNothingWrittenAsync(app);
    }

    [Fact]
    public async Task Sending_the_same_ledger_again_changes_nothing()
    {
        await using var app = await VenuesApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        await ImportAsync(county, Ledger, LedgerFile.CsvMediaType);
        var before = await SnapshotAsync(app);

        var again = await ImportAsync(county, Ledger, LedgerFile.CsvMediaType);

        Assert.Equal((3, 0, 0, 3), Counts(again));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task A_row_moves_a_recorded_venue_on_and_redescribes_it_but_never_moves_it_back_or_rewrites_its_days()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        await ImportAsync(client, Ledger, LedgerFile.CsvMediaType);

        var moved = await ImportAsync(client, Csv(
            $"{East2},东2村,Renovation,180,ConvenienceServices,,Accepted,2026-02-10,2026-03-05,2026-05-25,2026-05-30,,验收合格",
            $"{West1},西1村,NewBuild,320.25,PartyActivity,,Planned,2026-05-01,,,,,"), LedgerFile.CsvMediaType);
        var back = await PostAsync(client, Encoding.UTF8.GetBytes(Csv(
            $"{East1},东1村,NewBuild,240.5,,,Completed,2026-02-01,2026-03-01,2026-04-15,,,",
            $"{East2},东2村,Renovation,180,,,Accepted,2026-02-10,2026-03-06,2026-05-25,2026-05-30,,")), LedgerFile.CsvMediaType);

        Assert.Equal((2, 0, 2, 0), Counts(moved));
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        var errors = (await back.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["rows[1].state", "rows[2].startedOn"], errors.EnumerateObject().Select(e => e.Name).Order());
        await using var db = app.OpenDb();
        var accepted = await db.Venues.AsNoTracking().SingleAsync(v => v.VillageId == app.Tree.Id(East2), Ct);
        Assert.Equal((VenueState.Accepted, D(5, 30), "验收合格", 4), (accepted.State, accepted.StateDate, accepted.History[^1].Note, accepted.History.Count));
        var redescribed = await db.Venues.AsNoTracking().SingleAsync(v => v.VillageId == app.Tree.Id(West1), Ct);
        Assert.Equal((320.25m, VenueState.Planned, 1), (redescribed.FloorArea, redescribed.State, redescribed.History.Count));
        Assert.Equal([VenueFunction.PartyActivity], redescribed.Functions);
        var inUse = await db.Venues.AsNoTracking().SingleAsync(v => v.VillageId == app.Tree.Id(East1), Ct);
        Assert.Equal(VenueState.InUse, inUse.State);
    }

    [Fact]
    public async Task An_exported_csv_ledger_imports_again_as_all_unchanged()
    {
        await using var app = await VenuesApp.StartAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        await ImportAsync(county, Ledger, LedgerFile.CsvMediaType);
        var before = await SnapshotAsync(app);

        var export = await county.GetAsync($"/api/venues/ledger?countyId={app.Tree.Id(TestTree.CountyCode)}", Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"venue-ledger-{TestTree.CountyCode}.csv", export.Content.Headers.ContentDisposition?.FileName);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimEnd('\n').Split('\n');
        Assert.Equal(Header, lines[0]);
        Assert.Equal(
            $"{East1},东1村,NewBuild,240.5,DemocraticDeliberation;PartyActivity,CultureRoom;Clinic,InUse,2026-02-01,2026-03-01,2026-04-15,2026-05-01,2026-05-20,按期投用",
            lines[1]);
        Assert.Equal([East1, East2, West1], lines.Skip(1).Select(l => l.Split(',')[0]));

        var again = await ImportAsync(county, bytes, LedgerFile.CsvMediaType);

        Assert.Equal((3, 0, 0, 3), Counts(again));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task An_exported_excel_ledger_imports_again_as_all_unchanged()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        await ImportAsync(client, Ledger, LedgerFile.CsvMediaType);
        await ImportAsync(client, Csv($"{South1},南1村,Renovation,95.75,CultureAndRecreation,PoliceRoom,UnderConstruction,2026-04-01,2026-05-01,,,,"), LedgerFile.CsvMediaType);
        var before = await SnapshotAsync(app);

        var export = await client.GetAsync("/api/venues/ledger?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(LedgerFile.XlsxMediaType, export.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"venue-ledger-{TestTree.CityCode}.xlsx", export.Content.Headers.ContentDisposition?.FileName);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([East1, East2, West1, South1], rows.Select(r => r["villageCode"]));
        Assert.Equal(("南1村", "95.75", "2026-05-01"), (rows[3]["villageName"], rows[3]["floorArea"], rows[3]["startedOn"]));

        var again = await ImportAsync(client, bytes, LedgerFile.XlsxMediaType);

        Assert.Equal((4, 0, 0, 4), Counts(again));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task An_export_covers_only_the_callers_unit()
    {
        await using var app = await VenuesApp.StartAsync();
        await ImportAsync(app.CreateClient(), Ledger, LedgerFile.CsvMediaType);
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);

        var own = await township.GetStringAsync("/api/venues/ledger", Ct);
        var otherCounty = await county.GetAsync($"/api/venues/ledger?countyId={app.Tree.Id(TestTree.OtherCountyCode)}", Ct);
        var aboveTownship = await township.GetAsync($"/api/venues/ledger?countyId={app.Tree.Id(TestTree.CountyCode)}", Ct);
        var notACounty = await county.GetAsync($"/api/venues/ledger?countyId={app.Tree.Id(TestTree.TownshipCode)}", Ct);

        Assert.Equal([East1, East2], own.TrimStart('\uFEFF').TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.NotFound, otherCounty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, aboveTownship.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notACounty.StatusCode);
    }

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, rows, excelType: ExcelType.XLSX);
        return workbook.ToArray();
    }

    private static Task<JsonElement> ImportAsync(HttpClient client, string csv, string mediaType) =>
        ImportAsync(client, Encoding.UTF8.GetBytes(csv), mediaType);

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, string mediaType)
    {
        var response = await PostAsync(client, file, mediaType);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string mediaType)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync("/api/venues/ledger/imports", content, Ct);
    }

    private static (int Rows, int Created, int Updated, int Unchanged) Counts(JsonElement result) => (
        result.GetProperty("rows").GetInt32(), result.GetProperty("created").GetInt32(),
        result.GetProperty("updated").GetInt32(), result.GetProperty("unchanged").GetInt32());

    private static async Task<string?> FileErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("file")[0].GetString();

    private static async Task AssertNothingWrittenAsync(VenuesApp app)
    {
        await using var db = app.OpenDb();
        // Starting the service publishes the campaign terms and the units' first funding; a refused import publishes no venue.
        Assert.Equal((0, 0, 0), (await db.Venues.CountAsync(Ct), await db.FundingLines.CountAsync(Ct), (await app.PublishedAsync<VenueChanged>()).Count));
    }

    /// <summary>Every venue's version and history length, and the events written so far.</summary>
    private static async Task<string> SnapshotAsync(VenuesApp app)
    {
        await using var db = app.OpenDb();
        var venues = await db.Venues.AsNoTracking().OrderBy(v => v.VillageId).ToListAsync(Ct);
        return string.Join(';', venues.Select(v => $"{v.VillageId}:{v.Version}:{v.History.Count}:{v.FloorArea}"))
               + $"|events {await db.Set<OutboxMessage>().CountAsync(Ct)}|subsidies {await db.FundingLines.CountAsync(Ct)}";
    }
}
