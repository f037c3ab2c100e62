using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Api;

public sealed class StandardsApiTests
{
    private static readonly DateOnly CompletedOn = new(2026, 5, 20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_version_is_numbered_after_the_last_and_takes_over_on_its_day()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/venues/checklists", Version("2026-07-01"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/venues/checklists/2", response.Headers.Location?.OriginalString);
        var published = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, 4m, 2), (published.GetProperty("number").GetInt32(), published.GetProperty("totalWeight").GetDecimal(),
            published.GetProperty("items").GetArrayLength()));

        var all = await GetAsync(client, "/api/venues/checklists");
        Assert.Equal([2, 1], all.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(1, (await GetAsync(client, "/api/venues/checklists/current")).GetProperty("number").GetInt32());
        app.Time.SetUtcNow(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        Assert.Equal(2, (await GetAsync(client, "/api/venues/checklists/current")).GetProperty("number").GetInt32());
        var second = await GetAsync(client, "/api/venues/checklists/2");
        Assert.Equal(("B", "六室", 3m), (second.GetProperty("items")[1].GetProperty("code").GetString(),
            second.GetProperty("items")[1].GetProperty("group").GetString(), second.GetProperty("items")[1].GetProperty("weight").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/venues/checklists/3", Ct)).StatusCode);

        await using var db = app.OpenDb();
        var stored = await db.Checklists.SingleAsync(c => c.Number == 2, Ct);
        Assert.Equal((new DateOnly(2026, 7, 1), "测试标准"), (stored.EffectiveFrom, stored.Title));
        Assert.False(string.IsNullOrEmpty(stored.PublishedBy));
    }

    [Theory]
    [InlineData("duplicate code", "items")]
    [InlineData("zero weight", "items[1].weight")]
    [InlineData("before the version in force", "effectiveFrom")]
    [InlineData("before a scheduled version", "effectiveFrom")]
    public async Task A_bad_version_is_refused_naming_the_field_and_nothing_is_written(string fault, string field)
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var earlier = fault switch
        {
            "before the version in force" => Version("2026-06-01"),
            "before a scheduled version" => Version("2026-09-01"),
            _ => null,
        };
        if (earlier is not null)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/venues/checklists", earlier, Ct)).StatusCode);
        }

        var request = fault switch
        {
            "duplicate code" => Version("2026-07-01", ("A", 1m), ("A", 3m)),
            "zero weight" => Version("2026-07-01", ("A", 1m), ("B", 0m)),
            "before the version in force" => Version("2026-05-31"),
            _ => Version("2026-08-31"),
        };
        var response = await client.PostAsJsonAsync("/api/venues/checklists", request, Ct);

        await AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.Equal(earlier is null ? 1 : 2, await db.Checklists.CountAsync(Ct));
    }

    [Theory]
    [InlineData(PlatformRoles.CountyOperator, TestTree.CountyCode)]
    [InlineData(PlatformRoles.CityViewer, TestTree.CityCode)]
    public async Task Only_a_city_account_that_writes_may_publish_a_version(string role, string unitCode)
    {
        await using var app = await VenuesApp.StartAsync();

        var response = await app.CreateClientAs(role, unitCode).PostAsJsonAsync("/api/venues/checklists", Version("2026-07-01"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Checklists.CountAsync(Ct));
    }

    [Fact]
    public async Task An_inspection_is_scored_against_the_version_in_force_on_its_day_and_kept_on_the_venue()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venueId = await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 1));
        await client.PostAsJsonAsync("/api/venues/checklists", Version("2026-06-10"), Ct);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());

        var before = await InspectAsync(client, venueId, "2026-06-05", "W1", "T2", "S1", "W1");
        var beforeVenue = await VenueAsync(app, venueId);
        var after = await InspectAsync(client, venueId, "2026-06-15", "B");

        Assert.Equal((1, 15m), (before.GetProperty("checklistVersion").GetInt32(), before.GetProperty("score").GetDecimal()));
        Assert.Equal(["W1", "T2", "S1"], before.GetProperty("metItems").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(21, before.GetProperty("unmetItems").GetArrayLength());
        Assert.Equal(((int?)1, (decimal?)15m), beforeVenue);
        Assert.Equal((2, 75m), (after.GetProperty("checklistVersion").GetInt32(), after.GetProperty("score").GetDecimal()));
        Assert.Equal(["A"], after.GetProperty("unmetItems").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(((int?)2, (decimal?)75m), await VenueAsync(app, venueId));
        await using var db = app.OpenDb();
        Assert.Equal([1, 2], await db.Inspections.OrderBy(i => i.InspectedOn).Select(i => i.ChecklistVersion).ToListAsync(Ct));
    }

    [Fact]
    public async Task An_inspection_entered_late_for_an_earlier_day_does_not_replace_the_venues_score()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venueId = await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 1));

        await InspectAsync(client, venueId, "2026-05-30", "W1");
        var late = await InspectAsync(client, venueId, "2026-05-25", "W1", "W2");
        var history = await GetAsync(client, $"/api/venues/venues/{venueId}/inspections");

        Assert.Equal(9m, late.GetProperty("score").GetDecimal());
        Assert.Equal(((int?)1, (decimal?)5m), await VenueAsync(app, venueId));
        Assert.Equal(2, history.GetProperty("totalCount").GetInt32());
        Assert.Equal(["2026-05-30", "2026-05-25"],
            history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("inspectedOn").GetString()));
        var one = await GetAsync(client, $"/api/venues/venues/{venueId}/inspections/{late.GetProperty("id").GetGuid()}");
        Assert.Equal(9m, one.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_item_is_refused_naming_it_and_nothing_is_written()
    {
        await using var app = await VenuesApp.StartAsync();
        var venueId = await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 1));

        var response = await app.CreateClient().PostAsJsonAsync($"/api/venues/venues/{venueId}/inspections",
            Inspection("2026-05-30", "W1", "X9"), Ct);

        await AssertRefusedAsync(response, "metItems[1]");
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Inspections.CountAsync(Ct));
        Assert.Equal(((int?)null, (decimal?)null), await VenueAsync(app, venueId));
    }

    [Theory]
    [InlineData("in the future", "inspectedOn")]
    [InlineData("before completion", "inspectedOn")]
    [InlineData("not built", "venueId")]
    public async Task An_inspection_on_a_wrong_day_or_of_an_unbuilt_venue_is_refused(string fault, string field)
    {
        await using var app = await VenuesApp.StartAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var venueId = fault == "not built" ? await BuiltVenueAsync(app, village, VenueState.UnderConstruction) : await BuiltVenueAsync(app, village);
        var day = fault switch
        {
            "in the future" => "2026-06-02",
            "before completion" => "2026-05-19",
            _ => "2026-05-30",
        };

        var response = await app.CreateClient().PostAsJsonAsync($"/api/venues/venues/{venueId}/inspections", Inspection(day, "W1"), Ct);

        await AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Inspections.CountAsync(Ct));
    }

    [Fact]
    public async Task A_county_inspects_its_own_venues_only_and_a_viewer_none()
    {
        await using var app = await VenuesApp.StartAsync();
        var own = await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 1));
        var other = await BuiltVenueAsync(app, app.Tree.Village(TestTree.OtherTownshipCode, 1));
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var viewer = app.CreateClientAs(PlatformRoles.Viewer, TestTree.CountyCode);

        var outside = await county.PostAsJsonAsync($"/api/venues/venues/{other}/inspections", Inspection("2026-05-30", "W1"), Ct);
        var byViewer = await viewer.PostAsJsonAsync($"/api/venues/venues/{own}/inspections", Inspection("2026-05-30", "W1"), Ct);
        var unknown = await county.PostAsJsonAsync($"/api/venues/venues/{Guid.NewGuid()}/inspections", Inspection("2026-05-30", "W1"), Ct);
        var inside = await county.PostAsJsonAsync($"/api/venues/venues/{own}/inspections", Inspection("2026-05-30", "W1"), Ct);

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Created),
            (outside.StatusCode, byViewer.StatusCode, unknown.StatusCode, inside.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/venues/venues/{other}/inspections", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/venues/venues/{own}/inspections", Ct)).StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal([own], await db.Inspections.Select(i => i.VenueId).ToListAsync(Ct));
        Assert.Equal(((int?)null, (decimal?)null), await VenueAsync(app, other));
    }

    [Fact]
    public async Task Scores_list_the_built_venues_in_scope_and_sum_up_per_county()
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var east1 = await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 1));
        var east2 = await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 2));
        await BuiltVenueAsync(app, app.Tree.Village(TestTree.TownshipCode, 3), VenueState.UnderConstruction);
        var west1 = await BuiltVenueAsync(app, app.Tree.Village(TestTree.SecondTownshipCode, 1), VenueState.InUse);
        var south1 = await BuiltVenueAsync(app, app.Tree.Village(TestTree.OtherTownshipCode, 1));
        await InspectAsync(client, east1, "2026-05-30", "W1", "W2");
        await InspectAsync(client, west1, "2026-05-31", "W1");
        await InspectAsync(client, south1, "2026-05-31", "W1", "W2", "W3");

        var city = await GetAsync(client, "/api/venues/standards/scores");
        var township = await GetAsync(client, $"/api/venues/standards/scores?townshipId={app.Tree.Id(TestTree.TownshipCode)}");
        var county = await GetAsync(app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode), "/api/venues/standards/scores");
        var summary = await GetAsync(client, "/api/venues/standards/scores/counties");

        Assert.Equal(4, city.GetProperty("totalCount").GetInt32());
        Assert.Equal([east1, east2], township.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("venueId").GetGuid()));
        var first = township.GetProperty("items")[0];
        Assert.Equal((1, 9m, "2026-05-30"), (first.GetProperty("checklistVersion").GetInt32(), first.GetProperty("score").GetDecimal(),
            first.GetProperty("lastInspectedOn").GetString()));
        Assert.Equal(JsonValueKind.Null, township.GetProperty("items")[1].GetProperty("score").ValueKind);
        Assert.Equal([east1, east2, west1], county.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("venueId").GetGuid()));
        Assert.Equal(
            [(TestTree.CountyCode, 3, 2, 7m), (TestTree.OtherCountyCode, 1, 1, 13m)],
            summary.EnumerateArray().Select(c => (c.GetProperty("countyCode").GetString(), c.GetProperty("builtVenues").GetInt32(),
                c.GetProperty("inspectedVenues").GetInt32(), c.GetProperty("averageScore").GetDecimal())));
    }

    private static object Version(string effectiveFrom, params (string Code, decimal Weight)[] items) => new
    {
        title = "测试标准",
        effectiveFrom,
        items = (items.Length == 0 ? [("A", 1m), ("B", 3m)] : items)
            .Select(i => new { code = i.Code, group = "六室", name = $"项目{i.Code}", weight = i.Weight }),
    };

    private static object Inspection(string inspectedOn, params string[] metItems) =>
        new { inspectedOn, inspector = "市委组织部检查组", metItems, note = "现场检查" };

    private static async Task<JsonElement> InspectAsync(HttpClient client, Guid venueId, string inspectedOn, params string[] metItems)
    {
        var response = await client.PostAsJsonAsync($"/api/venues/venues/{venueId}/inspections", Inspection(inspectedOn, metItems), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>A venue written straight into the database (the projects API is not the subject here), planned in January and moved to <paramref name="state"/>.</summary>
    private static async Task<Guid> BuiltVenueAsync(VenuesApp app, Guid villageId, VenueState state = VenueState.Completed)
    {
        await using var db = app.OpenDb();
        var terms = (await db.Campaigns.SingleAsync(Ct)).Terms;
        var now = app.Time.GetUtcNow();
        var venue = Venue.Plan(villageId, new VenueDescription(VenueKind.NewBuild, 320m, [VenueFunction.PartyActivity], [IntegratedRoom.CultureRoom]),
            new DateOnly(2026, 1, 10), "test", terms, now);
        venue.Advance(state, state >= VenueState.Completed ? CompletedOn : new DateOnly(2026, 3, 1), "test", null, now, terms.DayOf(now));
        db.Venues.Add(venue);
        await db.SaveChangesAsync(Ct);
        return venue.Id;
    }

    private static async Task<(int?, decimal?)> VenueAsync(VenuesApp app, Guid venueId)
    {
        await using var db = app.OpenDb();
        var venue = await db.Venues.SingleAsync(v => v.Id == venueId, Ct);
        return (venue.ChecklistVersion, venue.StandardScore);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected an error for '{field}': {problem}");
    }
}
