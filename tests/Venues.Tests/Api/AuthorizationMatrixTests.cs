using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;
using PartyPlatform.Venues.Ledger;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>
/// Every Venues endpoint (from the running app's endpoint metadata) against every kind of caller,
/// aimed at real venues, funding lines, inspections and baseline rows of county B (华州区), each
/// write with a valid body. See the README's scope rule for what each caller is promised.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    /// <summary>
    /// County B (华州区, township 南镇) with four more villages than the shared tree, so that every
    /// write has an entity of its own: whatever order the writes run in, each finds what it needs.
    /// </summary>
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await VenuesApp.StartAsync();
        var township = app.Tree.Id(TestTree.OtherTownshipCode);
        await using (var db = app.OpenDb())
        {
            db.Units.AddRange(Enumerable.Range(3, 4).Select(n => UnitReplica.From(new AdministrativeUnitChanged(
                Guid.CreateVersion7(), 1, UnitChange.Created, $"南{n}村", UnitKind.Village, UnitLevel.Village,
                TestTree.VillageCode(TestTree.OtherTownshipCode, n), township, false, null, DateTimeOffset.UnixEpoch))));
            await db.SaveChangesAsync(Ct);
        }

        var village = await VillagesAsync(app);
        var city = app.CreateClient();
        await SucceedAsync(city.PutAsJsonAsync("/api/venues/baseline/villages",
            new { villages = village.Values.Select(id => new { villageId = id, hasUsableVenue = false }) }, Ct));
        var accepted = await app.PlanAsync(city, village[1]);
        await SucceedAsync(city.PostAsJsonAsync($"/api/venues/venues/{accepted}/state", new { state = "Accepted", on = "2026-05-20" }, Ct));
        var inspection = await IdAsync(await SucceedAsync(city.PostAsJsonAsync($"/api/venues/venues/{accepted}/inspections",
            new { inspectedOn = "2026-05-25", inspector = "市检查组", metItems = new[] { "W1" } }, Ct)));
        var building = await app.PlanAsync(city, village[3]);
        Guid subsidy;
        await using (var db = app.OpenDb())
        {
            subsidy = (await db.FundingLines.SingleAsync(Ct)).Id;
        }

        var targets = new MatrixTargets()
            .Foreign(TestTree.OtherCountyCode[..6], "华州区", "南镇", "南1村")
            .Route("id", accepted.ToString())
            .Route("venueId", accepted.ToString())
            .Route("/api/venues/venues/{venueId}/inspections/{id}", "id", inspection.ToString())
            .Route("lineId", subsidy.ToString())
            .Route("unitId", township.ToString())
            .Route("countyId", app.Tree.Id(TestTree.OtherCountyCode).ToString())
            .Open("number", "1")
            .Open("order", "1")
            .Write(new("PUT", "/api/venues/campaign", Refusal.CityOnly, MatrixBody.Json(new
            {
                deadline = "2026-12-31", timeZone = "Asia/Shanghai", citySubsidyPerNewBuild = 25000,
                milestones = new object[]
                {
                    new { name = "选址与规划设计", durationDays = 30 },
                    new { name = "开工建设", durationDays = 15, reachedWith = "UnderConstruction" },
                    new { name = "主体完工", durationDays = 75, reachedWith = "Completed" },
                    new { name = "竣工验收", durationDays = 15, reachedWith = "Accepted" },
                    new { name = "投入使用", durationDays = 10, reachedWith = "InUse" },
                },
            })))
            .Write(new("PUT", "/api/venues/baseline/villages", Refusal.BodyOutside,
                MatrixBody.Json(new { villages = new[] { new { villageId = village[2], hasUsableVenue = true } } })))
            .Write(new("POST", "/api/venues/baseline/counties/{countyId}/verification", Refusal.PathOutside, MatrixBody.None))
            .Write(new("POST", "/api/venues/venues", Refusal.BodyOutside, MatrixBody.Json(new
            {
                villageId = village[6], kind = "NewBuild", floorArea = 280, functions = new[] { "PartyActivity" }, rooms = Array.Empty<string>(), plannedOn = "2026-05-05",
            })))
            .Write(new("PUT", "/api/venues/venues/{id}/description", Refusal.PathOutside,
                MatrixBody.Json(new { kind = "Renovation", floorArea = 260, functions = new[] { "ConvenienceServices" }, rooms = new[] { "Clinic" } }),
                Route(building)))
            .Write(new("POST", "/api/venues/venues/{id}/state", Refusal.PathOutside,
                MatrixBody.Json(new { state = "UnderConstruction", on = "2026-05-15", note = "开工" }), Route(building)))
            .Write(new("POST", "/api/venues/venues/{id}/milestones/{order}/completion", Refusal.PathOutside,
                MatrixBody.Json(new { on = "2026-05-10" }), Route(building)))
            .Write(new("POST", "/api/venues/venues/{id}/progress", Refusal.PathOutside,
                MatrixBody.Json(new { on = "2026-05-20", percentComplete = 30, note = "主体施工" }), Route(building)))
            .Write(new("POST", "/api/venues/venues/{venueId}/funding", Refusal.PathOutside,
                MatrixBody.Json(new { source = "CountyFinance", pledged = 50000, pledgedOn = "2026-05-02" })))
            .Write(new("PUT", "/api/venues/funding/{lineId}/arrival", Refusal.PathOutside,
                MatrixBody.Json(new { arrived = 20000, arrivedOn = "2026-05-28" })))
            .Write(new("POST", "/api/venues/checklists", Refusal.CityOnly, MatrixBody.Json(new
            {
                title = "村级组织活动场所标准（第二版）", effectiveFrom = "2026-07-01",
                items = new[] { new { code = "W1", group = "五化", name = "外观标识化", weight = 10 } },
            })))
            .Write(new("POST", "/api/venues/venues/{venueId}/inspections", Refusal.PathOutside,
                MatrixBody.Json(new { inspectedOn = "2026-05-30", inspector = "县检查组", metItems = new[] { "W1", "T2" } })))
            // Before the deadline the check finds nothing to record.
            .Write(new("POST", "/api/venues/deadline/check", Refusal.CityOnly, MatrixBody.None) { Changes = false })
            .Write(new("POST", "/api/venues/ledger/imports", Refusal.BodyOutside, MatrixBody.Text(
                $"{string.Join(',', LedgerColumns.All)}\n{TestTree.VillageCode(TestTree.OtherTownshipCode, 4)},南4村,NewBuild,200,,,Planned,2026-05-01,,,,,\n",
                LedgerFile.CsvMediaType)))
            .Write(new("POST", "/api/venues/ledger/imports", Refusal.BodyOutside, MatrixBody.File(Workbook(new Dictionary<string, object?>
            {
                ["villageCode"] = TestTree.VillageCode(TestTree.OtherTownshipCode, 5), ["kind"] = "Renovation", ["floorArea"] = 150,
                ["functions"] = "", ["rooms"] = "", ["state"] = "Planned", ["plannedOn"] = "2026-05-03",
                ["startedOn"] = null, ["completedOn"] = null, ["acceptedOn"] = null, ["inUseOn"] = null,
            }), LedgerFile.XlsxMediaType)));

        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }

    private static Dictionary<string, string> Route(Guid venue) => new() { ["id"] = venue.ToString() };

    /// <summary>County B's villages by number.</summary>
    private static async Task<Dictionary<int, Guid>> VillagesAsync(VenuesApp app)
    {
        await using var db = app.OpenDb();
        var villages = await db.Units.Where(u => u.ParentId == app.Tree.Id(TestTree.OtherTownshipCode)).ToListAsync(Ct);
        return villages.ToDictionary(v => int.Parse(v.Code![9..]) - 200, v => v.Id);
    }

    private static async Task<HttpResponseMessage> SucceedAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return response;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

    private static byte[] Workbook(Dictionary<string, object?> row)
    {
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, new[] { row }, excelType: ExcelType.XLSX);
        return workbook.ToArray();
    }
}
