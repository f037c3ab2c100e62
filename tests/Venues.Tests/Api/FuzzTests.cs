using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.TestInfrastructure.Fuzzing;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Generated malformed requests to every Venues write operation: never a 5xx, never a changed row.</summary>
public sealed class FuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_requests_to_every_write_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        await app.RecordBaselineAsync(client, (1, false), (2, false));
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));
        (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "Accepted", on = "2026-05-20" }, Ct)).EnsureSuccessStatusCode();
        await using var db = app.OpenDb();
        var line = await db.FundingLines.SingleAsync(Ct);

        var result = await new RequestFuzzer(client, app.Database).RunAsync(new Dictionary<string, string>
        {
            ["id"] = venue.ToString(),
            ["venueId"] = venue.ToString(),
            ["lineId"] = line.Id.ToString(),
            ["unitId"] = app.Tree.Id(TestTree.TownshipCode).ToString(),
            ["countyId"] = app.Tree.Id(TestTree.CountyCode).ToString(),
            ["number"] = "1",
            ["order"] = "1",
        }, requests: 1200, Ct);

        result.AssertAllRefused(minimumOperations: 12);
    }
}
