using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>
/// The facts the Dashboard's leaders' figures are built from: a project's schedule state (moved by
/// time through the watch, and back by the write that meets the milestone), funding per unit, and the campaign terms.
/// </summary>
public sealed class VenueFactsTests
{
    /// <summary>With the configured terms (deadline 31 December 2026), the first milestone is due on 7 September.</summary>
    private static readonly DateOnly FirstMilestoneDue = new(2026, 9, 7);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_watch_marks_a_project_behind_once_when_a_milestones_day_passes_unmet()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        app.Time.SetUtcNow(At(FirstMilestoneDue));
        await RunScheduleCheckAsync(app);
        var onTheDay = await SchedulesAsync(app, venue);
        // The watch wakes on the moved clock by itself; no request and no direct check marks it.
        app.Time.SetUtcNow(At(FirstMilestoneDue.AddDays(1)));
        await Eventually.TrueAsync(async () => (await SchedulesAsync(app, venue)).Count == 2, TimeSpan.FromSeconds(30));
        // Later checks, after the second milestone's day too, change nothing: the project is late on the first.
        await RunScheduleCheckAsync(app);
        app.Time.SetUtcNow(At(new DateOnly(2026, 9, 25)));
        await RunScheduleCheckAsync(app);

        var planned = Assert.Single(onTheDay);
        Assert.Equal((1L, false, (int?)null, (DateOnly?)null), (planned.Version, planned.BehindSchedule, planned.LateMilestoneOrder, planned.BehindSince));
        var schedules = await SchedulesAsync(app, venue);
        Assert.Equal(2, schedules.Count);
        var behind = schedules[1];
        Assert.Equal(
            (2L, village, true, (int?)1, "选址与规划设计", (DateOnly?)FirstMilestoneDue, (DateOnly?)FirstMilestoneDue.AddDays(1)),
            (behind.Version, behind.VillageId, behind.BehindSchedule, behind.LateMilestoneOrder, behind.LateMilestone, behind.LateMilestoneDue, behind.BehindSince));
        await using var db = app.OpenDb();
        var stored = await db.Venues.SingleAsync(v => v.Id == venue, Ct);
        Assert.Equal((2L, (int?)1, (DateOnly?)FirstMilestoneDue.AddDays(1)), (stored.ScheduleVersion, stored.LateMilestoneOrder, stored.BehindSince));
        // The venue's own version does not move with time.
        Assert.Equal(1L, stored.Version);
    }

    [Fact]
    public async Task Meeting_the_late_milestone_puts_the_project_back_on_schedule_or_behind_on_the_next_one()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));
        app.Time.SetUtcNow(At(new DateOnly(2026, 9, 10)));
        await ScheduleReachesAsync(app, venue, 2);

        (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/milestones/1/completion", new { on = "2026-09-10" }, Ct)).EnsureSuccessStatusCode();
        var back = (await SchedulesAsync(app, venue))[^1];
        // The second milestone (开工建设) is due on 22 September: late from the 23rd, unmet.
        app.Time.SetUtcNow(At(new DateOnly(2026, 9, 23)));
        await ScheduleReachesAsync(app, venue, 4);
        (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "UnderConstruction", on = "2026-09-23" }, Ct)).EnsureSuccessStatusCode();

        Assert.Equal((3L, false, (int?)null), (back.Version, back.BehindSchedule, back.LateMilestoneOrder));
        var schedules = await SchedulesAsync(app, venue);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], schedules.Select(s => s.Version));
        Assert.Equal(((int?)2, (DateOnly?)new DateOnly(2026, 9, 23)), (schedules[3].LateMilestoneOrder, schedules[3].BehindSince));
        Assert.False(schedules[4].BehindSchedule);
        await using var db = app.OpenDb();
        Assert.Null((await db.Venues.SingleAsync(v => v.Id == venue, Ct)).LateMilestoneOrder);
    }

    [Fact]
    public async Task Pledges_and_arrivals_publish_the_funding_of_the_township_county_and_city_above_the_venue()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));
        var other = await app.PlanAsync(client, app.Tree.Village(TestTree.OtherTownshipCode, 1));
        await PledgeAsync(client, other, 7_000m);

        var line = await PledgeAsync(client, venue, 50_000m);
        var pledged = await LatestFundingAsync(app);
        (await client.PutAsJsonAsync($"/api/venues/funding/{line}/arrival", new { arrived = 20_000m, arrivedOn = "2026-05-20" }, Ct)).EnsureSuccessStatusCode();
        var arrived = await LatestFundingAsync(app);

        Assert.Equal((50_000m, 0m, 50_000m), Figures(pledged[app.Tree.Id(TestTree.TownshipCode)]));
        Assert.Equal((50_000m, 20_000m, 30_000m), Figures(arrived[app.Tree.Id(TestTree.TownshipCode)]));
        Assert.Equal((50_000m, 20_000m, 30_000m), Figures(arrived[app.Tree.Id(TestTree.CountyCode)]));
        Assert.Equal((57_000m, 20_000m, 37_000m), Figures(arrived[app.Tree.Id(TestTree.CityCode)]));
        Assert.Equal((7_000m, 0m, 7_000m), Figures(arrived[app.Tree.Id(TestTree.OtherCountyCode)]));
        var county = arrived[app.Tree.Id(TestTree.CountyCode)];
        Assert.Equal(("临渭区", UnitLevel.County, 2L), (county.UnitName, county.Level, county.Version));
        await using var db = app.OpenDb();
        var snapshot = await db.FundingSnapshots.SingleAsync(s => s.UnitId == county.UnitId, Ct);
        Assert.Equal((50_000m, 20_000m, 2L), (snapshot.Pledged, snapshot.Arrived, snapshot.Version));
    }

    [Fact]
    public async Task The_campaign_terms_are_published_at_start_and_on_every_change()
    {
        await using var app = await VenuesApp.StartAsync();
        var city = app.CreateClient();
        var campaign = await city.GetFromJsonAsync<JsonElement>("/api/venues/campaign", Ct);

        var changed = await city.PutAsJsonAsync("/api/venues/campaign", new
        {
            deadline = "2027-03-31",
            timeZone = "Asia/Shanghai",
            citySubsidyPerNewBuild = 25_000m,
            milestones = campaign.GetProperty("milestones"),
        }, Ct);

        changed.EnsureSuccessStatusCode();
        var published = await app.PublishedAsync<VenueCampaignChanged>();
        Assert.Equal([1L, 2L], published.Select(c => c.Version));
        Assert.Equal((new DateOnly(2026, 12, 31), 20_000m), (published[0].Deadline, published[0].CitySubsidyPerNewBuild));
        var latest = published[1];
        Assert.Equal((new DateOnly(2027, 3, 31), 25_000m, "Asia/Shanghai"), (latest.Deadline, latest.CitySubsidyPerNewBuild, latest.TimeZone));
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(8)), latest.DeadlinePassesAt);
        Assert.Equal(5, latest.Milestones.Count);
        Assert.Equal(new CampaignMilestone("竣工验收", 15, VenueState.Accepted), latest.Milestones[3]);
    }

    [Fact]
    public async Task A_replay_publishes_schedules_funding_and_terms_again_unless_the_copy_holds_them()
    {
        await using var app = await VenuesApp.StartAsync();
        await app.WaitForBusAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));
        await PledgeAsync(client, venue, 10_000m);
        app.Time.SetUtcNow(At(new DateOnly(2026, 9, 10)));
        await ScheduleReachesAsync(app, venue, 2);
        var schedules = await app.PublishedAsync<ProjectScheduleChanged>();
        var funding = await app.PublishedAsync<VenueFundingChanged>();
        var terms = await app.PublishedAsync<VenueCampaignChanged>();
        await using var db = app.OpenDb();
        var snapshots = await db.FundingSnapshots.ToDictionaryAsync(s => s.UnitId, s => s.Version, Ct);
        var current = new VenueFactsHeld(
            new CopyDigest(1, 1), new CopyDigest(0, 0), new CopyDigest(0, 0),
            Schedules: new CopyDigest(1, 2), Funding: new CopyDigest(snapshots.Count, snapshots.Values.Sum()), Campaign: new CopyDigest(1, 1));
        var consumed = new ConsumedCount<VenueFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{VenueFactsReplayRequested.Queue}"));

        await endpoint.Send(new VenueFactsReplayRequested("test", DateTimeOffset.UtcNow, current), Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 1), TimeSpan.FromSeconds(30));
        var afterCurrent = (await app.PublishedAsync<ProjectScheduleChanged>()).Count + (await app.PublishedAsync<VenueFundingChanged>()).Count
                           + (await app.PublishedAsync<VenueCampaignChanged>()).Count;
        await endpoint.Send(new VenueFactsReplayRequested("test", DateTimeOffset.UtcNow,
            current with { Schedules = new CopyDigest(1, 1), Funding = new CopyDigest(0, 0), Campaign = new CopyDigest(0, 0) }), Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        Assert.Equal(schedules.Count + funding.Count + terms.Count, afterCurrent);
        var replayedSchedule = Assert.Single((await app.PublishedAsync<ProjectScheduleChanged>()).Skip(schedules.Count));
        Assert.Equal((venue, 2L, true, (int?)1), (replayedSchedule.VenueId, replayedSchedule.Version, replayedSchedule.BehindSchedule, replayedSchedule.LateMilestoneOrder));
        var replayedFunding = (await app.PublishedAsync<VenueFundingChanged>()).Skip(funding.Count).ToList();
        Assert.Equal(snapshots.OrderBy(s => s.Key), replayedFunding.Select(f => KeyValuePair.Create(f.UnitId, f.Version)).OrderBy(s => s.Key));
        Assert.Equal(10_000m, replayedFunding.Single(f => f.UnitId == app.Tree.Id(TestTree.TownshipCode)).Pledged);
        Assert.Equal(1L, Assert.Single((await app.PublishedAsync<VenueCampaignChanged>()).Skip(terms.Count)).Version);
    }

    /// <summary>09:00 in the city on <paramref name="day"/>.</summary>
    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>
    /// The check the watch runs, run now, where the watch has nothing left to do on the moved clock
    /// (running both at once would race for the same projects): it shows a later check changes nothing.
    /// </summary>
    private static async Task RunScheduleCheckAsync(VenuesApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduleCheck>().RunAsync(Ct);
    }

    /// <summary>Waits for the watch, woken by the moved clock, to publish the project's schedule at <paramref name="version"/>.</summary>
    private static Task ScheduleReachesAsync(VenuesApp app, Guid venue, long version) =>
        Eventually.TrueAsync(async () => (await SchedulesAsync(app, venue)).Any(s => s.Version == version), TimeSpan.FromSeconds(30));

    private static async Task<List<ProjectScheduleChanged>> SchedulesAsync(VenuesApp app, Guid venue) =>
        [.. (await app.PublishedAsync<ProjectScheduleChanged>()).Where(s => s.VenueId == venue).OrderBy(s => s.Version)];

    private static async Task<Guid> PledgeAsync(HttpClient client, Guid venue, decimal amount)
    {
        var response = await client.PostAsJsonAsync($"/api/venues/venues/{venue}/funding",
            new { source = "CountyFinance", pledged = amount, pledgedOn = "2026-05-01" }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    /// <summary>The newest funding published per unit.</summary>
    private static async Task<Dictionary<Guid, VenueFundingChanged>> LatestFundingAsync(VenuesApp app) =>
        (await app.PublishedAsync<VenueFundingChanged>()).GroupBy(f => f.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.Version)!);

    private static (decimal Pledged, decimal Arrived, decimal Gap) Figures(VenueFundingChanged f) => (f.Pledged, f.Arrived, f.Gap);
}
