using System.Text.Json;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>
/// Every Dashboard endpoint (from the running app's endpoint metadata; it only reads) against every
/// kind of caller, with county B's coverage, deadline, schedule and funding facts in the read model: a caller of county
/// A sees none of them and gets 404 for county B's unit, which county B reads. See the README's scope rule.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await DashboardApp.StartAsync();
        foreach (var unit in new[] { app.Tree[DashboardTree.OtherCountyCode], app.Tree[DashboardTree.OtherTownshipCode] })
        {
            await app.PublishAsync(new VenueCoverageChanged(unit.UnitId, 1, unit.Name, unit.Code, unit.Level, 2, 1, 50m, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
            await app.PublishAsync(new VenueDeadlineMissed(Guid.NewGuid(), unit.UnitId, unit.Name, unit.Code, unit.Level, new DateOnly(2026, 12, 31), 2, 1, 50m,
                $"{unit.Name}未按期实现全覆盖", DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        }

        var countyB = app.Tree[DashboardTree.OtherCountyCode];
        await app.PublishAsync(new VillageSecretaryProfileChanged(countyB.UnitId, 1, countyB.Name, countyB.Code, countyB.Level, 2, 1, 1,
            new Dictionary<string, int> { ["Bachelor"] = 1 }, new Dictionary<string, int> { ["Veteran"] = 1 }, new Dictionary<int, int> { [1980] = 1 },
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        var termEnds = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        await app.PublishAsync(new GraduateOfficialChanged(Guid.NewGuid(), 1, Guid.NewGuid(), app.Tree.Id(DashboardTree.OtherVillageCode),
            termEnds.AddYears(-3), 1, termEnds, null, null, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);

        await app.PublishAsync(new ProjectScheduleChanged(Guid.NewGuid(), 1, app.Tree.Id(DashboardTree.OtherVillageCode), true, 1, "主体完工",
            new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new VenueFundingChanged(countyB.UnitId, 1, countyB.Name, countyB.Code, countyB.Level, 100_000m, 40_000m, 60_000m,
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);

        var city = app.CreateClient();
        await Eventually.TrueAsync(async () =>
            (await CountAsync(city, "/api/dashboard/venues/coverage?level=Township")) == 1 && await CountAsync(city, "/api/dashboard/venues/deadline-facts") == 2
            && await CountAsync(city, "/api/dashboard/personnel/secretary-profiles?level=County") == 1
            && await CountAsync(city, "/api/dashboard/personnel/graduate-officials/ending") == 1
            && await CountAsync(city, "/api/dashboard/venues/behind-schedule") == 1
            && await FundingVersionAsync(city, countyB.UnitId) == 1,
            TimeSpan.FromSeconds(30));

        var targets = new MatrixTargets()
            .Foreign(DashboardTree.OtherCountyCode[..6], "华州区", "南镇", "南1村")
            .Route("id", app.Tree.Id(DashboardTree.OtherTownshipCode).ToString())
            .Route("/api/dashboard/villages/{id}", "id", app.Tree.Id(DashboardTree.OtherVillageCode).ToString())
            .Write(new("POST", "/api/dashboard/rebuilds", Refusal.CityOnly, MatrixBody.None));
        // The figure stream is left out by the matrix (it never ends); FigureStreamTests shows its refusal and its scope.
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }

    private static async Task<int> CountAsync(HttpClient client, string path)
    {
        // Coverage answers a page, the deadline facts a list, the ending terms and the projects behind schedule their figures with a page.
        using var json = JsonDocument.Parse(await client.GetStringAsync(path, Ct));
        var root = json.RootElement;
        return root.ValueKind == JsonValueKind.Array ? root.GetArrayLength()
            : root.TryGetProperty("officials", out var officials) ? officials.GetProperty("totalCount").GetInt32()
            : root.TryGetProperty("behind", out var behind) ? behind.GetProperty("totalCount").GetInt32()
            : root.GetProperty("totalCount").GetInt32();
    }

    private static async Task<long> FundingVersionAsync(HttpClient client, Guid unitId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/dashboard/venues/funding?unitId={unitId}", Ct));
        return json.RootElement.GetProperty("unit").GetProperty("version").GetInt64();
    }
}
