using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>
/// Every Venues endpoint (from the running app's endpoint metadata) against every kind of caller,
/// aimed at a venue of county B (华州区). See README "Access" for the rule it checks.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string CountyBCode = "610503";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> RefusedAtTheDoor => new(TestTokens.BadKinds);

    [Theory]
    [MemberData(nameof(RefusedAtTheDoor))]
    public async Task Callers_without_a_valid_token_get_401_everywhere(string token)
    {
        var (app, matrix, calls) = await StartAsync();
        await using (app)
        {
            Assert.Empty(await matrix.NotRefusedAsync(calls, TestTokens.Bad(token), Ct));
            await AssertCountyBUnchangedAsync(app);
        }
    }

    public static TheoryData<string, string> ScopedCallers => new()
    {
        { PlatformRoles.CountyOperator, TestTree.CountyCode },
        { PlatformRoles.TownshipOperator, TestTree.TownshipCode },
        { PlatformRoles.Viewer, TestTree.CountyCode },
    };

    [Theory]
    [MemberData(nameof(ScopedCallers))]
    public async Task A_caller_of_county_A_neither_sees_nor_changes_county_B(string role, string unitCode)
    {
        var (app, matrix, calls) = await StartAsync();
        await using (app)
        {
            Assert.Empty(await matrix.ScopeViolationsAsync(calls, role, TestTokens.For(role, unitCode), [CountyBCode, "南1村", "华州区"], Ct));
            await AssertCountyBUnchangedAsync(app);
        }
    }

    [Fact]
    public async Task The_city_administrator_is_let_through_everywhere()
    {
        var (app, matrix, calls) = await StartAsync();
        await using (app)
        {
            Assert.Empty(await matrix.RefusedAsync(calls, TestTokens.CityAdministrator(), Ct));
        }
    }

    /// <summary>County B's village 南1村 with a baseline and an accepted new build (so a city subsidy line too).</summary>
    private static async Task<(VenuesApp App, AuthorizationMatrix Matrix, IReadOnlyList<AuthorizationMatrix.Call> Calls)> StartAsync()
    {
        var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        await app.RecordBaselineAsync(client, TestTree.OtherTownshipCode, (1, false));
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.OtherTownshipCode, 1));
        (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "Accepted", on = "2026-05-20" }, Ct)).EnsureSuccessStatusCode();
        await using var db = app.OpenDb();
        var line = await db.FundingLines.SingleAsync(Ct);
        var matrix = new AuthorizationMatrix(app.Services, app.CreateAnonymousClient);
        var calls = matrix.Calls(new Dictionary<string, string>
        {
            ["id"] = venue.ToString(),
            ["venueId"] = venue.ToString(),
            ["lineId"] = line.Id.ToString(),
            ["unitId"] = app.Tree.Id(TestTree.OtherTownshipCode).ToString(),
            ["countyId"] = app.Tree.Id(TestTree.OtherCountyCode).ToString(),
            ["number"] = "1",
            ["order"] = "1",
        });
        return (app, matrix, calls);
    }

    private static async Task AssertCountyBUnchangedAsync(VenuesApp app)
    {
        await using var db = app.OpenDb();
        var venue = await db.Venues.SingleAsync(Ct);
        Assert.Equal((2L, 2), (venue.Version, venue.History.Count));
        Assert.Equal(1, await db.Baselines.CountAsync(Ct));
        Assert.Equal((1, 0m), (await db.FundingLines.CountAsync(Ct), (await db.FundingLines.SingleAsync(Ct)).Arrived));
        Assert.Equal(0, await db.BaselineVerifications.CountAsync(Ct));
        Assert.Equal(0, await db.Inspections.CountAsync(Ct));
        Assert.Equal(1, await db.Checklists.CountAsync(Ct));
    }
}
