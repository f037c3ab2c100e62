using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Organizations' tree events reach Venues' copy, and the coverage they move is published.</summary>
public sealed class TreeCopyTests
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_village_and_a_moved_one_change_the_coverage_of_every_township_they_touch()
    {
        await using var app = await VenuesApp.StartAsync();
        await app.WaitForBusAsync();
        var client = app.CreateClient();
        await app.RecordBaselineAsync(client, (1, true), (2, true), (3, true));
        var east = app.Tree.Id(TestTree.TownshipCode);
        var west = app.Tree.Id(TestTree.SecondTownshipCode);
        var moved = app.Tree.Village(TestTree.SecondTownshipCode, 1);

        await app.PublishAsync(new AdministrativeUnitChanged(
            Guid.CreateVersion7(), 1, UnitChange.Created, "东4村", UnitKind.Village, UnitLevel.Village, "610502001204", east, false, null,
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new AdministrativeUnitChanged(
            moved, 2, UnitChange.Moved, "西1村", UnitKind.Village, UnitLevel.Village, "610502002201", east, false, null,
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);

        var eastCoverage = await Eventually.ValueAsync(async () =>
            await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{east}", Ct) is var c && c.GetProperty("villages").GetInt32() == 5 ? c : (JsonElement?)null,
            EventTimeout);
        var westCoverage = await client.GetFromJsonAsync<JsonElement>($"/api/venues/coverage/{west}", Ct);
        Assert.Equal((3, 60.0m), (eastCoverage.GetProperty("villagesWithVenue").GetInt32(), eastCoverage.GetProperty("coveragePercent").GetDecimal()));
        Assert.Equal(2, westCoverage.GetProperty("villages").GetInt32());
        var published = await app.PublishedAsync<VenueCoverageChanged>();
        Assert.Equal((5, 3), published.Where(e => e.UnitId == east).MaxBy(e => e.Version) is { } e ? (e.Villages, e.VillagesWithVenue) : default);
        Assert.Equal(2, published.Where(e => e.UnitId == west).MaxBy(e => e.Version)!.Villages);
    }
}
