using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.Venues.Funding;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>The demo venue loader (<c>DemoData:Load</c>), on demo villages that reach the tree copy after the service started.</summary>
public sealed class DemoVenueTests
{
    private static readonly KeyValuePair<string, string?> Load = new("DemoData:Load", "true");

    /// <summary>2 November 2026: the first two milestones' days (7 and 22 September) have passed, the last ones' not.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_villages_get_a_baseline_and_some_a_funded_project_published_once_even_across_a_restart()
    {
        await using var app = await VenuesApp.StartAsync(Load);
        app.Time.SetUtcNow(Today.ToUniversalTime());
        // 100 villages in each of two counties.
        var villages = new List<Guid>();
        for (var n = 101; n <= 200; n++)
        {
            villages.Add(await AddDemoVillageAsync(app, TestTree.TownshipCode, n));
            villages.Add(await AddDemoVillageAsync(app, TestTree.OtherTownshipCode, n));
        }

        await RecordedAsync(app, villages);

        var today = DateOnly.FromDateTime(Today.DateTime);
        await using (var db = app.OpenDb())
        {
            var baselines = await db.Baselines.AsNoTracking().ToListAsync(Ct);
            // The tree's own villages, not marked as made up, get nothing.
            Assert.Equal(villages.Order(), baselines.Select(b => b.VillageId).Order());
            Assert.InRange(baselines.Count(b => b.HasUsableVenue), 90, 150);
            var venues = await db.Venues.AsNoTracking().ToListAsync(Ct);
            Assert.InRange(venues.Count, 8, 40);
            Assert.All(venues, v => Assert.False(baselines.Single(b => b.VillageId == v.VillageId).HasUsableVenue));
            Assert.Contains(venues, v => v.State == VenueState.Planned);
            Assert.Contains(venues, v => v.State == VenueState.UnderConstruction);
            Assert.Contains(venues, v => v.CountsAsVenue);
            Assert.Contains(venues, v => v.IsBehindSchedule(today));
            Assert.Contains(venues, v => !v.IsBehindSchedule(today));

            var lines = await db.FundingLines.AsNoTracking().ToListAsync(Ct);
            Assert.All(venues, v => Assert.Contains(lines, l => l.VenueId == v.Id && l.Source == FundingSource.CountyFinance));
            Assert.Equal(venues.Count(v => v is { Kind: VenueKind.NewBuild, CountsAsVenue: true }), lines.Count(l => l.Source == FundingSource.CitySubsidy));
            Assert.All(lines.Where(l => l.Source == FundingSource.CitySubsidy), l => Assert.Equal(20_000m, l.Pledged));
            Assert.InRange(lines.Sum(l => l.Arrived), 1m, lines.Sum(l => l.Pledged) - 1m);

            // Each fact once, and the last of each unit's figures as the data stand.
            var withVenue = baselines.Count(b => b.HasUsableVenue) + venues.Count(v => v.CountsAsVenue);
            var coverage = await app.PublishedAsync<VenueCoverageChanged>();
            Assert.Equal(coverage.Count, coverage.DistinctBy(c => (c.UnitId, c.Version)).Count());
            var city = coverage.Where(c => c.Level == UnitLevel.City).MaxBy(c => c.Version)!;
            Assert.Equal((villages.Count + 8, withVenue), (city.Villages, city.VillagesWithVenue));
            var funding = (await app.PublishedAsync<VenueFundingChanged>()).Where(f => f.Level == UnitLevel.City).MaxBy(f => f.Version)!;
            Assert.Equal((lines.Sum(l => l.Pledged), lines.Sum(l => l.Arrived)), (funding.Pledged, funding.Arrived));
            var changes = await app.PublishedAsync<VenueChanged>();
            Assert.All(venues, v => Assert.Equal(
                Enumerable.Range(1, (int)v.Version).Select(i => (long)i), changes.Where(c => c.VenueId == v.Id).Select(c => c.Version).Order()));
            var schedules = await app.PublishedAsync<ProjectScheduleChanged>();
            Assert.All(venues, v => Assert.Equal(
                Enumerable.Range(1, (int)v.ScheduleVersion).Select(i => (long)i), schedules.Where(s => s.VenueId == v.Id).Select(s => s.Version).Order()));
        }

        var published = await PublishedPerVenueAsync(app);
        await app.DisposeAsync();
        var late = await AddDemoVillageAsync(app, TestTree.SecondTownshipCode, 101);
        await using var again = app.Restarted();
        _ = again.Server;
        await RecordedAsync(again, [.. villages, late]);

        await using (var db = again.OpenDb())
        {
            Assert.Equal(villages.Count + 1, await db.Baselines.CountAsync(Ct));
        }

        // The restarted loader recorded the new village and published nothing more about the others' venues.
        Assert.Equal(published, (await PublishedPerVenueAsync(again)).Where(p => published.ContainsKey(p.Key)).ToDictionary());
    }

    private static async Task<Guid> AddDemoVillageAsync(VenuesApp app, string townshipCode, int n)
    {
        var village = Guid.CreateVersion7();
        await using var db = app.OpenDb();
        db.Units.Add(UnitReplica.From(new AdministrativeUnitChanged(village, 1, UnitChange.Created, $"示例{n}村（示例）", UnitKind.Village, UnitLevel.Village,
            TestTree.VillageCode(townshipCode, n), app.Tree.Id(townshipCode), false, null, DateTimeOffset.UnixEpoch)));
        await db.SaveChangesAsync(Ct);
        return village;
    }

    /// <summary>Waits until every one of the villages has its baseline; the loader looks again each time the clock moves.</summary>
    private static Task RecordedAsync(VenuesApp app, IReadOnlyCollection<Guid> villages) =>
        Eventually.TrueAsync(async () =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            await using var db = app.OpenDb();
            return await db.Baselines.CountAsync(b => villages.Contains(b.VillageId), Ct) == villages.Count;
        }, TimeSpan.FromSeconds(60));

    /// <summary>How many venue versions and schedule states were published, per venue.</summary>
    private static async Task<Dictionary<Guid, (int Versions, int Schedules)>> PublishedPerVenueAsync(VenuesApp app)
    {
        var schedules = (await app.PublishedAsync<ProjectScheduleChanged>()).CountBy(s => s.VenueId).ToDictionary();
        return (await app.PublishedAsync<VenueChanged>()).CountBy(c => c.VenueId)
            .ToDictionary(c => c.Key, c => (c.Value, schedules.GetValueOrDefault(c.Key)));
    }
}
