using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>
/// Projects behind schedule, funding pledged against arrived, and the 清零 countdown, kept from Venues'
/// events: the newest version wins, a repeated fact counts once, and each unit sees only its own.
/// </summary>
public sealed class VenueProgressFiguresTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The city's day, as the service reckons it (Asia/Shanghai).</summary>
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_schedule_keeps_its_newest_version_and_a_repeated_fact_counts_once()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = app.Tree.Id(DashboardTree.VillageCode);
        var venue = Guid.NewGuid();
        var repeated = Guid.NewGuid();
        var older = Guid.NewGuid();

        await app.PublishAsync(Behind(venue, 2, village, Today.AddDays(-5)), repeated, Ct);
        await app.PublishAsync(Behind(venue, 2, village, Today.AddDays(-5)), repeated, Ct);
        // The same fact under another message id, as a replay sends it.
        await app.PublishAsync(Behind(venue, 2, village, Today.AddDays(-5)), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await BehindAsync(app.CreateClient(), "")).BehindSchedule == 1, Timeout);
        await app.PublishAsync(OnSchedule(venue, 1, village), older, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(older, ProjectScheduleChangedConsumer.Name), Timeout);

        var figures = await BehindAsync(app.CreateClient(), "");
        Assert.Equal((1, 1, 1), (figures.Projects, figures.BehindSchedule, figures.Behind.TotalCount));
        var row = Assert.Single(figures.Behind.Items);
        Assert.Equal((venue, "东1村", DashboardTree.VillageCode, "东镇", (int?)1, "选址与规划设计", (DateOnly?)Today.AddDays(-5), (DateOnly?)Today.AddDays(-4), 5),
            (row.VenueId, row.VillageName, row.VillageCode, row.TownshipName, row.LateMilestoneOrder, row.LateMilestone, row.LateMilestoneDue, row.BehindSince, row.DaysLate));
        Assert.NotNull(figures.UpdatedAt);
        await using var db = app.OpenDb();
        Assert.Equal(2L, (await db.ProjectSchedules.SingleAsync(Ct)).Version);

        // A newer version that meets the milestone takes the project off the list.
        await app.PublishAsync(OnSchedule(venue, 3, village), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await BehindAsync(app.CreateClient(), "")).BehindSchedule == 0, Timeout);
        Assert.Equal(1, (await BehindAsync(app.CreateClient(), "")).Projects);
    }

    [Fact]
    public async Task Before_any_fact_every_figure_is_an_empty_state()
    {
        await using var app = await DashboardApp.StartAsync();
        var city = app.CreateClient();

        var behind = await BehindAsync(city, "");
        var funding = (await city.GetFromJsonAsync<FundingFiguresResponse>("/api/dashboard/venues/funding", Json, Ct))!;
        var countdown = (await city.GetFromJsonAsync<CountdownResponse>("/api/dashboard/venues/countdown", Json, Ct))!;

        Assert.Equal((DashboardTree.CityCode, 0, 0, (DateTimeOffset?)null), (behind.UnitCode, behind.Projects, behind.BehindSchedule, behind.UpdatedAt));
        Assert.Equal((0m, 0m, (decimal?)null, 0L, (DateTimeOffset?)null),
            (funding.Unit.Pledged, funding.Unit.Arrived, funding.Unit.ArrivedPercent, funding.Unit.Version, funding.Unit.UpdatedAt));
        Assert.Equal([(DashboardTree.CountyCode, 0m), (DashboardTree.OtherCountyCode, 0m)], funding.Children.Items.Select(c => (c.UnitCode, c.Pledged)));
        Assert.Equal(((DateOnly?)null, (int?)null, false, 0, (decimal?)null),
            (countdown.Deadline, countdown.DaysLeft, countdown.DeadlinePassed, countdown.VillagesWithoutVenue, countdown.CoveragePercent));
    }

    [Fact]
    public async Task Funding_and_the_countdown_show_the_newest_figures_of_the_callers_unit_only()
    {
        await using var app = await DashboardApp.StartAsync();
        var tree = app.Tree;
        await app.PublishAsync(Funding(tree[DashboardTree.CityCode], 2, 90_000m, 40_000m, 50_000m), Guid.NewGuid(), Ct);
        await app.PublishAsync(Funding(tree[DashboardTree.CountyCode], 3, 60_000m, 30_000m, 30_000m), Guid.NewGuid(), Ct);
        var olderFunding = Guid.NewGuid();
        await app.PublishAsync(Funding(tree[DashboardTree.CountyCode], 2, 60_000m, 10_000m, 50_000m), olderFunding, Ct);
        await app.PublishAsync(Funding(tree[DashboardTree.TownshipCode], 3, 60_000m, 30_000m, 30_000m), Guid.NewGuid(), Ct);
        await app.PublishAsync(Funding(tree[DashboardTree.OtherCountyCode], 1, 30_000m, 10_000m, 20_000m), Guid.NewGuid(), Ct);
        await app.PublishAsync(Terms(2, Today.AddDays(45)), Guid.NewGuid(), Ct);
        var olderTerms = Guid.NewGuid();
        await app.PublishAsync(Terms(1, Today.AddDays(30)), olderTerms, Ct);
        await app.PublishAsync(Coverage(tree[DashboardTree.CountyCode], villages: 10, withVenue: 6), Guid.NewGuid(), Ct);
        await app.PublishAsync(Behind(Guid.NewGuid(), 2, tree.Id(DashboardTree.OtherVillageCode), Today.AddDays(-3)), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            // The older county figures applied too (batches may take them before the newer ones): the newest must stand.
            var countyId = tree.Id(DashboardTree.CountyCode);
            return await db.VenueFundings.CountAsync(Ct) == 4 && await db.VenueFundings.AnyAsync(f => f.UnitId == countyId && f.Version == 3, Ct)
                   && await db.VenueCoverages.AnyAsync(Ct) && await db.ProjectSchedules.AnyAsync(Ct)
                   && await app.AppliedAsync(olderTerms, VenueCampaignChangedConsumer.Name) && await app.AppliedAsync(olderFunding, VenueFundingChangedConsumer.Name);
        }, Timeout);

        var city = (await app.CreateClient().GetFromJsonAsync<FundingFiguresResponse>("/api/dashboard/venues/funding", Json, Ct))!;
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);
        var own = (await county.GetFromJsonAsync<FundingFiguresResponse>("/api/dashboard/venues/funding", Json, Ct))!;
        var countdown = (await county.GetFromJsonAsync<CountdownResponse>("/api/dashboard/venues/countdown", Json, Ct))!;
        var behind = await BehindAsync(county, "");

        Assert.Equal((90_000m, 40_000m, 50_000m, (decimal?)44.4m), (city.Unit.Pledged, city.Unit.Arrived, city.Unit.Gap, city.Unit.ArrivedPercent));
        Assert.Equal([(DashboardTree.CountyCode, 30_000m, 3L), (DashboardTree.OtherCountyCode, 10_000m, 1L)],
            city.Children.Items.Select(c => (c.UnitCode, c.Arrived, c.Version)));
        Assert.Equal((DashboardTree.CountyCode, "临渭区", 60_000m, 30_000m, (decimal?)50.0m), (own.Unit.UnitCode, own.Unit.UnitName, own.Unit.Pledged, own.Unit.Arrived, own.Unit.ArrivedPercent));
        Assert.Equal([DashboardTree.TownshipCode], own.Children.Items.Select(c => c.UnitCode));
        Assert.Equal((DashboardTree.CountyCode, (DateOnly?)Today.AddDays(45), (int?)45, 10, 6, 4, (decimal?)60.0m),
            (countdown.UnitCode, countdown.Deadline, countdown.DaysLeft, countdown.Villages, countdown.VillagesWithVenue, countdown.VillagesWithoutVenue, countdown.CoveragePercent));
        Assert.NotNull(countdown.TermsUpdatedAt);
        // Another county's rows are absent: its project is not counted, and naming it is not found.
        Assert.Equal((0, 0), (behind.Projects, behind.BehindSchedule));
        var other = tree.Id(DashboardTree.OtherCountyCode);
        foreach (var path in new[] { "funding", "countdown", "behind-schedule" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/dashboard/venues/{path}?unitId={other}", Ct)).StatusCode);
        }

        Assert.Equal(1, (await BehindAsync(app.CreateClient(), $"?unitId={other}")).BehindSchedule);
        var village = await app.CreateClient().GetAsync($"/api/dashboard/venues/countdown?unitId={tree.Id(DashboardTree.VillageCode)}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, village.StatusCode);
    }

    [Fact]
    public async Task The_replay_asked_for_at_start_carries_the_digests_of_the_new_copies()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = app.Tree.Id(DashboardTree.VillageCode);
        await app.PublishAsync(Behind(Guid.NewGuid(), 2, village, Today.AddDays(-1)), Guid.NewGuid(), Ct);
        await app.PublishAsync(Funding(app.Tree[DashboardTree.CountyCode], 3, 1m, 0m, 1m), Guid.NewGuid(), Ct);
        await app.PublishAsync(Terms(4, Today), Guid.NewGuid(), Ct);
        await using var db = app.OpenDb();
        await Eventually.TrueAsync(async () =>
            await db.ProjectSchedules.AnyAsync(Ct) && await db.VenueFundings.AnyAsync(Ct) && await db.VenueCampaigns.AnyAsync(Ct), Timeout);

        var held = await db.VenueFactsHeldAsync(Ct);

        Assert.Equal((new CopyDigest(1, 2), new CopyDigest(1, 3), new CopyDigest(1, 4)), (held.Schedules, held.Funding, held.Campaign));
    }

    private static async Task<BehindScheduleResponse> BehindAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<BehindScheduleResponse>($"/api/dashboard/venues/behind-schedule{query}", Json, Ct))!;

    private static ProjectScheduleChanged Behind(Guid venue, long version, Guid village, DateOnly due) =>
        new(venue, version, village, true, 1, "选址与规划设计", due, due.AddDays(1), DateTimeOffset.UtcNow);

    private static ProjectScheduleChanged OnSchedule(Guid venue, long version, Guid village) =>
        new(venue, version, village, false, null, null, null, null, DateTimeOffset.UtcNow);

    private static VenueFundingChanged Funding(AdministrativeUnitChanged unit, long version, decimal pledged, decimal arrived, decimal gap) =>
        new(unit.UnitId, version, unit.Name, unit.Code, unit.Level, pledged, arrived, gap, DateTimeOffset.UtcNow);

    private static VenueCampaignChanged Terms(long version, DateOnly deadline) =>
        new(version, deadline, "Asia/Shanghai", new DateTimeOffset(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), 20_000m,
            [new CampaignMilestone("选址与规划设计", 30, null)], DateTimeOffset.UtcNow);

    private static VenueCoverageChanged Coverage(AdministrativeUnitChanged unit, int villages, int withVenue) =>
        new(unit.UnitId, 1, unit.Name, unit.Code, unit.Level, villages, withVenue, Math.Round(100m * withVenue / villages, 1), DateTimeOffset.UtcNow);
}
