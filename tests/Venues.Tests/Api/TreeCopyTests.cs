using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.Venues.Coverage;

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
        var created = Guid.CreateVersion7();

        await app.PublishAsync(new AdministrativeUnitChanged(
            created, 1, UnitChange.Created, "东4村", UnitKind.Village, UnitLevel.Village, "610502001204", east, false, null,
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
        // The new village's own coverage: no venue yet.
        Assert.Equal((1L, 1, 0), published.Single(e => e.UnitId == created) is var own ? (own.Version, own.Villages, own.VillagesWithVenue) : default);
    }

    [Fact]
    public async Task A_village_that_arrives_while_its_township_and_county_are_being_added_is_counted_under_them()
    {
        await using var app = await VenuesApp.StartAsync();
        await app.WaitForBusAsync();
        var client = app.CreateClient();
        var (county, township, village) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        // The village's own coverage lock held: the batch that adds it stops there, its row written but not committed.
        await using var holder = app.OpenDb();
        await using var transaction = await holder.Database.BeginTransactionAsync(Ct);
        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FigureUnits.LockKey(village)})", Ct);
        await app.PublishAsync(new AdministrativeUnitChanged(
            village, 1, UnitChange.Created, "新1村", UnitKind.Village, UnitLevel.Village, "610504001201", township, false, null,
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await AdvisoryLockWaits.CountAsync(holder, pairKey: false, Ct) == 1, EventTimeout);

        // Its county and township arrive meanwhile: their batch must wait for the village's, or it would count no village
        // under them (the village's batch found no ancestors to recount).
        await app.PublishAsync(new AdministrativeUnitChanged(
            county, 1, UnitChange.Created, "新县", UnitKind.County, UnitLevel.County, "610504000000", app.Tree.Id(TestTree.CityCode), false, null,
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(new AdministrativeUnitChanged(
            township, 1, UnitChange.Created, "新镇", UnitKind.Township, UnitLevel.Township, "610504001000", county, false, null,
            DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await AdvisoryLockWaits.CountAsync(holder, pairKey: true, Ct) == 1, EventTimeout);
        await transaction.RollbackAsync(Ct);

        foreach (var unit in new[] { township, county })
        {
            var coverage = await Eventually.ValueAsync(async () =>
                await client.GetAsync($"/api/venues/coverage/{unit}", Ct) is { IsSuccessStatusCode: true } response
                    ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct)
                    : (JsonElement?)null,
                EventTimeout);
            Assert.Equal((1, 0), (coverage.GetProperty("villages").GetInt32(), coverage.GetProperty("villagesWithVenue").GetInt32()));
        }

        // Published in the transaction that added the county to the copy, where the API found it.
        var published = await app.PublishedAsync<VenueCoverageChanged>();
        Assert.Equal(1, published.Where(e => e.UnitId == county).MaxBy(e => e.Version)!.Villages);
    }

    [Fact]
    public async Task A_renamed_village_reaches_the_copy_without_waiting_for_the_coverage_of_the_units_above_it()
    {
        await using var app = await VenuesApp.StartAsync();
        await app.WaitForBusAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        // The township's coverage lock held, as a venue write under it holds it: a rename counts
        // nothing, so it must not wait (nor take the city's lock that every venue write shares).
        await using var writer = app.OpenDb();
        await using var transaction = await writer.Database.BeginTransactionAsync(Ct);
        await writer.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FigureUnits.LockKey(app.Tree.Id(TestTree.TownshipCode))})", Ct);
        await app.PublishAsync(new AdministrativeUnitChanged(
            village, 2, UnitChange.Renamed, "东1村（更名）", UnitKind.Village, UnitLevel.Village, TestTree.VillageCode(TestTree.TownshipCode, 1),
            app.Tree.Id(TestTree.TownshipCode), false, null, DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);

        var renamed = await Eventually.ValueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Units.AsNoTracking().SingleAsync(u => u.Id == village, Ct) is { Version: 2 } unit ? unit : null;
        }, EventTimeout);
        Assert.Equal("东1村（更名）", renamed.Name);
        await transaction.RollbackAsync(Ct);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(3, await db.Units.CountAsync(u => u.ParentId == app.Tree.Id(TestTree.TownshipCode) && u.Kind == UnitKind.Village, Ct));
        }
    }
}
