using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>A county of the Venues matrices: its id, a township's code and id, and that township's six villages by number.</summary>
public sealed record MatrixCounty(Guid County, string TownshipCode, Guid Township, IReadOnlyDictionary<int, Guid> Villages);

/// <summary>
/// What the Venues matrices aim at, in the service's own tests and through the gateway, set up by
/// the city administrator through the API on a township of six villages: each village's baseline,
/// an accepted new build on village 1 (so a city subsidy line) with one inspection, and a planned
/// venue on village 3. Village 2's baseline, the ledger rows of villages 4 and 5 and the plan for
/// village 6 are the writes' own: each write acts on an entity of its own, in whatever order they run.
/// Every day is before 1 June 2026, so the service's tests (whose clock stands there) and the
/// platform's (on the real clock) accept them alike.
/// </summary>
public static class VenuesMatrixTargets
{
    private const string CsvMediaType = "text/csv";
    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<MatrixTargets> CreateAsync(HttpClient city, MatrixCounty county, CancellationToken ct)
    {
        var village = county.Villages;
        string Code(int n) => $"{county.TownshipCode[..9]}{200 + n}";
        async Task<JsonElement> SucceedAsync(Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }

        await SucceedAsync(city.PutAsJsonAsync("/api/venues/baseline/villages",
            new { villages = village.Values.Select(id => new { villageId = id, hasUsableVenue = false }) }, ct));
        var planned = new Dictionary<int, Guid>();
        foreach (var n in new[] { 1, 3 })
        {
            planned[n] = (await SucceedAsync(city.PostAsJsonAsync("/api/venues/venues", new
            {
                villageId = village[n], kind = "NewBuild", floorArea = 300, functions = new[] { "PartyActivity" }, rooms = new[] { "Clinic" }, plannedOn = "2026-05-01",
            }, ct))).GetProperty("id").GetGuid();
        }

        var (accepted, building) = (planned[1], planned[3]);
        await SucceedAsync(city.PostAsJsonAsync($"/api/venues/venues/{accepted}/state", new { state = "Accepted", on = "2026-05-20" }, ct));
        var inspection = (await SucceedAsync(city.PostAsJsonAsync($"/api/venues/venues/{accepted}/inspections",
            new { inspectedOn = "2026-05-25", inspector = "市检查组", metItems = new[] { "W1" } }, ct))).GetProperty("id").GetGuid();
        var subsidy = (await city.GetFromJsonAsync<JsonElement>($"/api/venues/venues/{accepted}/funding", ct)).GetProperty("lines")[0].GetProperty("id").GetGuid();
        // The campaign as it stands, with another subsidy: the deadline stays whatever it is.
        var campaign = await city.GetFromJsonAsync<JsonElement>("/api/venues/campaign", ct);
        var toBuilding = new Dictionary<string, string> { ["id"] = building.ToString() };

        return new MatrixTargets()
            .Foreign(county.TownshipCode[..6])
            .Route("id", accepted.ToString())
            .Route("venueId", accepted.ToString())
            .Route("/api/venues/venues/{venueId}/inspections/{id}", "id", inspection.ToString())
            .Route("lineId", subsidy.ToString())
            .Route("unitId", county.Township.ToString())
            .Route("countyId", county.County.ToString())
            .Open("number", "1")
            .Open("order", "1")
            .Write(new("PUT", "/api/venues/campaign", Refusal.CityOnly, MatrixBody.Json(new
            {
                deadline = campaign.GetProperty("deadline").GetString(),
                timeZone = campaign.GetProperty("timeZone").GetString(),
                citySubsidyPerNewBuild = campaign.GetProperty("citySubsidyPerNewBuild").GetDecimal() + 5000,
                milestones = campaign.GetProperty("milestones"),
            })) { Observe = ["/api/venues/campaign"] })
            .Write(new("PUT", "/api/venues/baseline/villages", Refusal.BodyOutside,
                MatrixBody.Json(new { villages = new[] { new { villageId = village[2], hasUsableVenue = true } } }))
            {
                Observe = [$"/api/venues/baseline/villages?townshipId={county.Township}"],
            })
            .Write(new("POST", "/api/venues/baseline/counties/{countyId}/verification", Refusal.PathOutside, MatrixBody.None)
            {
                Observe = ["/api/venues/baseline/counties"],
            })
            .Write(new("POST", "/api/venues/venues", Refusal.BodyOutside, MatrixBody.Json(new
            {
                villageId = village[6], kind = "NewBuild", floorArea = 280, functions = new[] { "PartyActivity" }, rooms = Array.Empty<string>(), plannedOn = "2026-05-05",
            })) { Observe = [$"/api/venues/venues?townshipId={county.Township}"] })
            .Write(new("PUT", "/api/venues/venues/{id}/description", Refusal.PathOutside,
                MatrixBody.Json(new { kind = "Renovation", floorArea = 260, functions = new[] { "ConvenienceServices" }, rooms = new[] { "Clinic" } }),
                toBuilding) { Observe = [$"/api/venues/venues/{building}"] })
            .Write(new("POST", "/api/venues/venues/{id}/state", Refusal.PathOutside,
                MatrixBody.Json(new { state = "UnderConstruction", on = "2026-05-15", note = "开工" }), toBuilding) { Observe = [$"/api/venues/venues/{building}"] })
            .Write(new("POST", "/api/venues/venues/{id}/milestones/{order}/completion", Refusal.PathOutside,
                MatrixBody.Json(new { on = "2026-05-10" }), toBuilding) { Observe = [$"/api/venues/venues/{building}"] })
            .Write(new("POST", "/api/venues/venues/{id}/progress", Refusal.PathOutside,
                MatrixBody.Json(new { on = "2026-05-20", percentComplete = 30, note = "主体施工" }), toBuilding) { Observe = [$"/api/venues/venues/{building}"] })
            .Write(new("POST", "/api/venues/venues/{venueId}/funding", Refusal.PathOutside,
                MatrixBody.Json(new { source = "CountyFinance", pledged = 50000, pledgedOn = "2026-05-02" })) { Observe = [$"/api/venues/venues/{accepted}/funding"] })
            .Write(new("PUT", "/api/venues/funding/{lineId}/arrival", Refusal.PathOutside,
                MatrixBody.Json(new { arrived = 20000, arrivedOn = "2026-05-28" })) { Observe = [$"/api/venues/funding/{subsidy}"] })
            .Write(new("POST", "/api/venues/checklists", Refusal.CityOnly, MatrixBody.Json(new
            {
                title = "村级组织活动场所标准（第二版）", effectiveFrom = "2026-07-01",
                items = new[] { new { code = "W1", group = "五化", name = "外观标识化", weight = 10 } },
            })) { Observe = ["/api/venues/checklists"] })
            .Write(new("POST", "/api/venues/venues/{venueId}/inspections", Refusal.PathOutside,
                MatrixBody.Json(new { inspectedOn = "2026-05-30", inspector = "县检查组", metItems = new[] { "W1", "T2" } }))
            {
                Observe = [$"/api/venues/venues/{accepted}/inspections"],
            })
            // Nothing to record unless the deadline has passed.
            .Write(new("POST", "/api/venues/deadline/check", Refusal.CityOnly, MatrixBody.None) { Changes = false, Observe = ["/api/venues/deadline"] })
            .Write(new("POST", "/api/venues/ledger/imports", Refusal.BodyOutside, MatrixBody.Text(
                $"villageCode,villageName,kind,floorArea,functions,rooms,state,plannedOn,startedOn,completedOn,acceptedOn,inUseOn,note\n{Code(4)},,NewBuild,200,,,Planned,2026-05-01,,,,,\n",
                CsvMediaType)) { Observe = [$"/api/venues/ledger?countyId={county.County}"] })
            .Write(new("POST", "/api/venues/ledger/imports", Refusal.BodyOutside, MatrixBody.File(Workbook(new Dictionary<string, object?>
            {
                ["villageCode"] = Code(5), ["kind"] = "Renovation", ["floorArea"] = 150, ["functions"] = "", ["rooms"] = "", ["state"] = "Planned",
                ["plannedOn"] = "2026-05-03", ["startedOn"] = null, ["completedOn"] = null, ["acceptedOn"] = null, ["inUseOn"] = null,
            }), XlsxMediaType)) { Observe = [$"/api/venues/ledger?countyId={county.County}"] });
    }

    private static byte[] Workbook(Dictionary<string, object?> row)
    {
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, new[] { row }, excelType: ExcelType.XLSX);
        return workbook.ToArray();
    }
}
