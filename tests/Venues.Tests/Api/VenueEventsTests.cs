using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Ledger;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Every write that moves a venue's version publishes the venue's event at that version, with what other services copy.</summary>
public sealed class VenueEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_venue_write_through_the_api_publishes_the_new_version()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));

        await SucceedsAsync(client.PutAsJsonAsync($"/api/venues/venues/{venue}/description",
            new { kind = "Renovation", floorArea = 456.5, functions = new[] { "PartyActivity" }, rooms = Array.Empty<string>() }, Ct));
        await AssertLatestAsync(app, venue, VenueKind.Renovation, 456.5m, VenueState.Planned);
        await SucceedsAsync(client.PostAsJsonAsync($"/api/venues/venues/{venue}/milestones/1/completion", new { on = "2026-05-10" }, Ct));
        await AssertLatestAsync(app, venue, VenueKind.Renovation, 456.5m, VenueState.Planned);
        await SucceedsAsync(client.PostAsJsonAsync($"/api/venues/venues/{venue}/progress", new { on = "2026-05-11", percentComplete = 20, note = "地基" }, Ct));
        await AssertLatestAsync(app, venue, VenueKind.Renovation, 456.5m, VenueState.Planned);
        await SucceedsAsync(client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "Completed", on = "2026-05-20" }, Ct));
        await AssertLatestAsync(app, venue, VenueKind.Renovation, 456.5m, VenueState.Completed);
        await SucceedsAsync(client.PostAsJsonAsync($"/api/venues/venues/{venue}/inspections",
            new { inspectedOn = "2026-05-25", inspector = "检查组", metItems = new[] { "W1" } }, Ct));
        var inspected = await AssertLatestAsync(app, venue, VenueKind.Renovation, 456.5m, VenueState.Completed);

        Assert.Equal(6L, inspected.Version);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], (await EventsAsync(app, venue)).Select(e => e.Version));
    }

    [Fact]
    public async Task A_ledger_row_that_only_changes_the_description_publishes_the_new_version()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var village = TestTree.VillageCode(TestTree.TownshipCode, 1);
        const string header = "villageCode,kind,floorArea,functions,rooms,state,plannedOn,startedOn,completedOn,acceptedOn,inUseOn";

        await ImportAsync(client, $"{header}\n{village},NewBuild,300,,,Planned,2026-05-01,,,,\n");
        await ImportAsync(client, $"{header}\n{village},Renovation,512.25,,,Planned,2026-05-01,,,,\n");

        await using var db = app.OpenDb();
        var venue = await db.Venues.SingleAsync(Ct);
        var latest = await AssertLatestAsync(app, venue.Id, VenueKind.Renovation, 512.25m, VenueState.Planned);
        Assert.Equal(2L, latest.Version);
    }

    [Fact]
    public async Task Saving_a_venue_whose_version_moved_without_its_event_throws_and_writes_nothing()
    {
        await using var app = await VenuesApp.StartAsync();
        var venueId = await app.PlanAsync(app.CreateClient(), app.Tree.Village(TestTree.TownshipCode, 1));
        var described = new VenueDescription(VenueKind.Renovation, 999m, [], []);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VenuesDb>();
            var venue = await db.Venues.SingleAsync(v => v.Id == venueId, Ct);
            venue.Describe(described);

            var refused = await Assert.ThrowsAsync<UnpublishedVersionException>(() => db.SaveChangesAsync(Ct));
            Assert.Contains($"Venue {venueId} reached version 2", refused.Message);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VenuesDb>();
            var venue = await db.Venues.SingleAsync(v => v.Id == venueId, Ct);
            venue.Describe(described);
            VenueLifecycle.Publish(db, venue, app.Time.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        await using var check = app.OpenDb();
        var stored = await check.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId, Ct);
        Assert.Equal((2L, 999m), (stored.Version, stored.FloorArea));
        Assert.Equal([1L, 2L], (await EventsAsync(app, venueId)).Select(e => e.Version));
    }

    /// <summary>The newest event of the venue matches the venue as stored, version included.</summary>
    private static async Task<VenueChanged> AssertLatestAsync(VenuesApp app, Guid venueId, VenueKind kind, decimal floorArea, VenueState state)
    {
        await using var db = app.OpenDb();
        var venue = await db.Venues.AsNoTracking().SingleAsync(v => v.Id == venueId, Ct);
        var latest = (await EventsAsync(app, venueId)).MaxBy(e => e.Version)!;
        Assert.Equal((venue.Version, kind, floorArea, state), (latest.Version, latest.Kind, latest.FloorArea, latest.State));
        Assert.Equal((venue.Kind, venue.FloorArea, venue.State), (kind, floorArea, state));
        return latest;
    }

    private static async Task<List<VenueChanged>> EventsAsync(VenuesApp app, Guid venueId) =>
        [.. (await app.PublishedAsync<VenueChanged>()).Where(e => e.VenueId == venueId).OrderBy(e => e.Version)];

    private static async Task ImportAsync(HttpClient client, string csv) =>
        await SucceedsAsync(client.PostAsync("/api/venues/ledger/imports", new StringContent(csv, Encoding.UTF8, LedgerFile.CsvMediaType), Ct));

    private static async Task SucceedsAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
