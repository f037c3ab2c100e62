using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

public sealed class VenueStatesTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Venues_are_counted_per_county_by_state_and_kind_with_their_floor_area()
    {
        await using var app = await DashboardApp.StartAsync();
        var (east1, east2) = (await VillageAsync(app, DashboardTree.TownshipCode, 1), await VillageAsync(app, DashboardTree.TownshipCode, 2));
        var south = await VillageAsync(app, DashboardTree.OtherTownshipCode, 1);
        var moved = Guid.CreateVersion7();
        var changes = new[]
        {
            State(Guid.CreateVersion7(), 1, east1, VenueKind.NewBuild, VenueState.Planned, 300m),
            State(Guid.CreateVersion7(), 4, east2, VenueKind.Renovation, VenueState.Accepted, 250.5m),
            State(moved, 1, east2, VenueKind.NewBuild, VenueState.Planned, 100m),
            State(moved, 2, east2, VenueKind.NewBuild, VenueState.UnderConstruction, 120m),
            State(Guid.CreateVersion7(), 5, south, VenueKind.Renovation, VenueState.InUse, 400m),
        };
        foreach (var change in changes)
        {
            await app.PublishAsync(change, Guid.NewGuid(), Ct);
        }

        var city = app.CreateClient();
        var rows = await Eventually.ValueAsync(async () =>
            await StatesAsync(city) is var shown && shown.Sum(r => r.Venues) == 4 && shown[0].States.UnderConstruction == 1 ? shown : null, Timeout);

        Assert.Equal([DashboardTree.CountyCode, DashboardTree.OtherCountyCode], rows.Select(r => r.Code));
        var (county, other) = (rows[0], rows[1]);
        Assert.Equal((app.Tree.Id(DashboardTree.CountyCode), "临渭区", 3, new VenueStateCounts(1, 1, 0, 1, 0), 2, 1, 670.5m),
            (county.CountyId, county.County, county.Venues, county.States, county.NewBuilds, county.Renovations, county.FloorArea));
        Assert.Equal((app.Tree.Id(DashboardTree.OtherCountyCode), "华州区", 1, new VenueStateCounts(0, 0, 0, 0, 1), 0, 1, 400m),
            (other.CountyId, other.County, other.Venues, other.States, other.NewBuilds, other.Renovations, other.FloorArea));
        await using var db = app.OpenDb();
        Assert.Equal(4, await db.VenueRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task Every_state_is_present_with_zeros_for_a_county_without_venues()
    {
        await using var app = await DashboardApp.StartAsync();

        var raw = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/venues/states", Json, Ct);

        Assert.Equal(2, raw.GetArrayLength());
        var states = raw[0].GetProperty("states");
        Assert.Equal(["planned", "underConstruction", "completed", "accepted", "inUse"], states.EnumerateObject().Select(p => p.Name));
        Assert.All(states.EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal((0, 0, 0, 0m), (raw[0].GetProperty("venues").GetInt32(), raw[0].GetProperty("newBuilds").GetInt32(),
            raw[0].GetProperty("renovations").GetInt32(), raw[0].GetProperty("floorArea").GetDecimal()));
    }

    [Fact]
    public async Task An_older_version_arriving_after_a_newer_one_changes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = await VillageAsync(app, DashboardTree.TownshipCode, 1);
        var venueId = Guid.CreateVersion7();
        var older = Guid.NewGuid();
        var city = app.CreateClient();

        await app.PublishAsync(State(venueId, 3, village, VenueKind.NewBuild, VenueState.Completed, 320m), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await StatesAsync(city))[0].States.Completed == 1, Timeout);
        await app.PublishAsync(State(venueId, 2, village, VenueKind.Renovation, VenueState.UnderConstruction, 100m), older, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(older, VenueChangedConsumer.Name), Timeout);

        var county = (await StatesAsync(city))[0];
        Assert.Equal((1, new VenueStateCounts(0, 0, 1, 0, 0), 1, 0, 320m),
            (county.Venues, county.States, county.NewBuilds, county.Renovations, county.FloorArea));
        await using var db = app.OpenDb();
        var venue = await db.VenueRecords.SingleAsync(Ct);
        Assert.Equal((3L, VenueState.Completed, VenueKind.NewBuild, 320m, new DateOnly(2026, 6, 4)),
            (venue.Version, venue.State, venue.Kind, venue.FloorArea, venue.StateDate));
    }

    [Fact]
    public async Task A_description_change_without_a_state_change_moves_the_figures_per_kind_and_floor_area()
    {
        await using var app = await DashboardApp.StartAsync();
        var village = await VillageAsync(app, DashboardTree.TownshipCode, 1);
        var venueId = Guid.CreateVersion7();
        var city = app.CreateClient();
        await app.PublishAsync(State(venueId, 1, village, VenueKind.NewBuild, VenueState.Planned, 300m), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await StatesAsync(city))[0].Venues == 1, Timeout);

        await app.PublishAsync(State(venueId, 2, village, VenueKind.Renovation, VenueState.Planned, 455.5m), Guid.NewGuid(), Ct);

        var county = await Eventually.ValueAsync(async () => (await StatesAsync(city))[0] is { Renovations: 1 } row ? row : null, Timeout);
        Assert.Equal((1, new VenueStateCounts(1, 0, 0, 0, 0), 0, 1, 455.5m),
            (county.Venues, county.States, county.NewBuilds, county.Renovations, county.FloorArea));
    }

    [Fact]
    public async Task A_county_sees_only_its_own_row()
    {
        await using var app = await DashboardApp.StartAsync();
        var east = await VillageAsync(app, DashboardTree.TownshipCode, 1);
        var south = await VillageAsync(app, DashboardTree.OtherTownshipCode, 1);
        await app.PublishAsync(State(Guid.CreateVersion7(), 1, east, VenueKind.NewBuild, VenueState.Planned, 200m), Guid.NewGuid(), Ct);
        await app.PublishAsync(State(Guid.CreateVersion7(), 1, south, VenueKind.NewBuild, VenueState.Planned, 300m), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => (await StatesAsync(app.CreateClient())).Sum(r => r.Venues) == 2, Timeout);

        var rows = await StatesAsync(app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode));

        var row = Assert.Single(rows);
        Assert.Equal((DashboardTree.OtherCountyCode, 1, 1, 300m), (row.Code, row.Venues, row.States.Planned, row.FloorArea));
    }

    private static async Task<Guid> VillageAsync(DashboardApp app, string townshipCode, int number)
    {
        var id = Guid.CreateVersion7();
        await using var db = app.OpenDb();
        db.Units.Add(UnitReplica.From(new AdministrativeUnitChanged(
            id, 1, UnitChange.Created, $"村{number}", UnitKind.Village, UnitLevel.Village, $"{townshipCode[..9]}{number:D3}",
            app.Tree.Id(townshipCode), false, null, DateTimeOffset.UnixEpoch)));
        await db.SaveChangesAsync(Ct);
        return id;
    }

    private static VenueChanged State(Guid venueId, long version, Guid villageId, VenueKind kind, VenueState state, decimal floorArea) =>
        new(venueId, version, villageId, kind, state, new DateOnly(2026, 6, 1).AddDays((int)version), floorArea, null, null,
            new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddDays(version));

    private static async Task<List<CountyVenueStates>> StatesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<CountyVenueStates>>("/api/dashboard/venues/states", Json, Ct))!;
}
