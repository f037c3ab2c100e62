using PartyPlatform.TestInfrastructure.Messaging;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

public sealed class VenueFiguresTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly DateOnly Deadline = new(2026, 12, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coverage_keeps_the_newest_version_when_an_older_one_arrives_after_it()
    {
        await using var app = await DashboardApp.StartAsync();
        var county = app.Tree[DashboardTree.CountyCode];
        var older = Guid.NewGuid();

        await app.PublishAsync(Coverage(county, version: 2, villages: 10, withVenue: 6), Guid.NewGuid(), TestContext.Current.CancellationToken);
        var shown = await Eventually.ValueAsync(async () =>
            (await CoverageAsync(app.CreateClient(), UnitLevel.County)).SingleOrDefault(c => c.Version == 2), Timeout);
        await app.PublishAsync(Coverage(county, version: 1, villages: 10, withVenue: 3), older, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => app.AppliedAsync(older, VenueCoverageChangedConsumer.Name), Timeout);

        var coverage = Assert.Single(await CoverageAsync(app.CreateClient(), UnitLevel.County));
        Assert.Equal((county.UnitId, "临渭区", DashboardTree.CountyCode, 2L, 10, 6, 60.0m),
            (coverage.UnitId, coverage.UnitName, coverage.UnitCode, coverage.Version, coverage.Villages, coverage.VillagesWithVenue, coverage.CoveragePercent));
        Assert.Equal(shown, coverage);
        await using var db = app.OpenDb();
        Assert.Equal(2L, (await db.VenueCoverages.SingleAsync(Ct)).Version);
    }

    [Fact]
    public async Task A_redelivered_fact_shows_once_and_a_different_fact_for_the_same_unit_shows_again()
    {
        await using var app = await DashboardApp.StartAsync();
        var consumed = new ConsumedCount<VenueDeadlineMissed>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var township = app.Tree[DashboardTree.TownshipCode];
        var first = Missed(township, "东镇未按期实现全覆盖");
        var second = Missed(township, "东镇复核后再次认定");
        var firstMessage = Guid.NewGuid();

        await app.PublishAsync(first, firstMessage, TestContext.Current.CancellationToken);
        await app.PublishAsync(first, firstMessage, TestContext.Current.CancellationToken);
        // The same fact under another message id, as a republishing outbox would send it.
        await app.PublishAsync(first, Guid.NewGuid(), TestContext.Current.CancellationToken);
        await app.PublishAsync(second, Guid.NewGuid(), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 4), Timeout);

        var facts = await DeadlineFactsAsync(app.CreateClient(), $"?deadline={Deadline:yyyy-MM-dd}");
        Assert.Equal(new[] { first.FactId, second.FactId }.Order(), facts.Select(f => f.FactId).Order());
        var shown = facts.Single(f => f.FactId == first.FactId);
        Assert.Equal((township.UnitId, "东镇", UnitLevel.Township, Deadline, 3, 2, 66.7m, "东镇未按期实现全覆盖"),
            (shown.UnitId, shown.UnitName, shown.Level, shown.Deadline, shown.Villages, shown.VillagesWithVenue, shown.CoveragePercent, shown.Reason));
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.DeadlineFacts.CountAsync(Ct));
        Assert.Empty(await DeadlineFactsAsync(app.CreateClient(), "?deadline=2027-06-30"));
    }

    [Fact]
    public async Task A_county_sees_only_the_figures_of_its_own_subtree()
    {
        await using var app = await DashboardApp.StartAsync();
        var tree = app.Tree;
        var coverage = new[] { DashboardTree.CityCode, DashboardTree.CountyCode, DashboardTree.OtherCountyCode, DashboardTree.TownshipCode, DashboardTree.OtherTownshipCode }
            .Select(code => Coverage(tree[code], version: 1, villages: 4, withVenue: 1)).ToList();
        var facts = new[] { DashboardTree.CountyCode, DashboardTree.OtherCountyCode, DashboardTree.TownshipCode, DashboardTree.OtherTownshipCode }
            .Select(code => Missed(tree[code], $"{tree[code].Name}未按期实现全覆盖")).ToList();
        foreach (var change in coverage)
        {
            await app.PublishAsync(change, Guid.NewGuid(), TestContext.Current.CancellationToken);
        }

        foreach (var fact in facts)
        {
            await app.PublishAsync(fact, Guid.NewGuid(), TestContext.Current.CancellationToken);
        }

        var city = app.CreateClient();
        // Every copy applied, whichever batches the consumers took them in: the townships', the counties' and the city's.
        await Eventually.TrueAsync(async () =>
            (await CoverageAsync(city, UnitLevel.Township)).Count == 2 && (await CoverageAsync(city, null)).Count == 2
            && (await CoverageAsync(city, UnitLevel.City)).Count == 1 && (await DeadlineFactsAsync(city, "")).Count == 4, Timeout);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.CountyCode);

        Assert.Equal([DashboardTree.CountyCode, DashboardTree.OtherCountyCode], (await CoverageAsync(city, null)).Select(c => c.UnitCode));
        Assert.Equal([DashboardTree.CityCode], (await CoverageAsync(city, UnitLevel.City)).Select(c => c.UnitCode));
        Assert.Equal([DashboardTree.CountyCode], (await CoverageAsync(county, null)).Select(c => c.UnitCode));
        Assert.Equal([DashboardTree.TownshipCode], (await CoverageAsync(county, UnitLevel.Township)).Select(c => c.UnitCode));
        Assert.Empty(await CoverageAsync(county, UnitLevel.City));

        Assert.Equal([DashboardTree.CountyCode, DashboardTree.OtherCountyCode, DashboardTree.TownshipCode, DashboardTree.OtherTownshipCode],
            (await DeadlineFactsAsync(city, "")).Select(f => f.UnitCode));
        Assert.Equal([DashboardTree.CountyCode, DashboardTree.TownshipCode], (await DeadlineFactsAsync(county, "")).Select(f => f.UnitCode));
        Assert.Equal([DashboardTree.TownshipCode],
            (await DeadlineFactsAsync(county, $"?deadline={Deadline:yyyy-MM-dd}&unitId={tree.Id(DashboardTree.TownshipCode)}")).Select(f => f.UnitCode));
        var outside = await county.GetAsync($"/api/dashboard/venues/deadline-facts?unitId={tree.Id(DashboardTree.OtherCountyCode)}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task Coverage_shows_a_unit_under_its_name_after_a_rename()
    {
        await using var app = await DashboardApp.StartAsync();
        var county = app.Tree[DashboardTree.CountyCode];
        var city = app.CreateClient();
        await app.PublishAsync(Coverage(county, version: 1, villages: 10, withVenue: 6), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await CoverageAsync(city, UnitLevel.County)).Any(c => c.UnitId == county.UnitId), Timeout);

        // Organizations renames the county; Venues publishes no coverage, as its figures did not move.
        await app.PublishAsync(county with { Version = 2, Change = UnitChange.Renamed, Name = "临渭新区" }, Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
            (await city.GetFromJsonAsync<JsonElement>($"/api/dashboard/tree/units/{county.UnitId}", Ct)).GetProperty("name").GetString() == "临渭新区", Timeout);

        var shown = (await CoverageAsync(city, UnitLevel.County)).Single(c => c.UnitId == county.UnitId);
        Assert.Equal(("临渭新区", DashboardTree.CountyCode, 1L, 6), (shown.UnitName, shown.UnitCode, shown.Version, shown.VillagesWithVenue));
    }

    [Fact]
    public async Task Coverage_is_not_kept_per_village()
    {
        await using var app = await DashboardApp.StartAsync();

        var response = await app.CreateClient().GetAsync("/api/dashboard/venues/coverage?level=Village", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json, Ct);
        Assert.Contains("level", problem!.Errors.Keys);
    }

    private static VenueCoverageChanged Coverage(AdministrativeUnitChanged unit, long version, int villages, int withVenue) =>
        new(unit.UnitId, version, unit.Name, unit.Code, unit.Level, villages, withVenue,
            Math.Round(100m * withVenue / villages, 1), new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddDays(version));

    private static VenueDeadlineMissed Missed(AdministrativeUnitChanged unit, string reason) =>
        new(Guid.NewGuid(), unit.UnitId, unit.Name, unit.Code, unit.Level, Deadline, 3, 2, 66.7m, reason,
            new DateTimeOffset(2027, 1, 1, 0, 5, 0, TimeSpan.FromHours(8)));

    private static async Task<List<VenueCoverageResponse>> CoverageAsync(HttpClient client, UnitLevel? level) =>
        [.. (await client.GetFromJsonAsync<Page<VenueCoverageResponse>>(
            level is null ? "/api/dashboard/venues/coverage" : $"/api/dashboard/venues/coverage?level={level}", Json, Ct))!.Items];

    private static async Task<List<DeadlineFactResponse>> DeadlineFactsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<DeadlineFactResponse>>($"/api/dashboard/venues/deadline-facts{query}", Json, Ct))!;
}
