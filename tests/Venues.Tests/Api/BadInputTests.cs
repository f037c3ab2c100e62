using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>Values no Venues endpoint may take are refused at the edge, naming the field, and change nothing.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""{"state":123,"on":"2026-05-20","note":"x"}""")]
    [InlineData("""{"state":"4","on":"2026-05-20","note":"x"}""")]
    [InlineData("""{"state":"Completed, InUse","on":"2026-05-20","note":"x"}""")]
    public async Task A_state_that_is_not_a_defined_name_is_refused_and_the_venue_is_untouched(string body)
    {
        await using var app = await VenuesApp.StartAsync();
        var client = app.CreateClient();
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 1));

        var response = await client.PostAsync($"/api/venues/venues/{venue}/state", Json(body), Ct);

        await Problems.AssertRefusedAsync(response, "state");
        await using var db = app.OpenDb();
        var stored = await db.Venues.SingleAsync(Ct);
        Assert.Equal((1L, 1), (stored.Version, stored.History.Count));
        Assert.All(stored.Milestones, m => Assert.Null(m.CompletedOn));
    }

    [Fact]
    public async Task A_null_village_in_a_baseline_is_refused_naming_its_place()
    {
        await using var app = await VenuesApp.StartAsync();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        var response = await app.CreateClient().PutAsync("/api/venues/baseline/villages",
            Json($$"""{"villages":[{"villageId":"{{village}}","hasUsableVenue":true},null]}"""), Ct);

        await Problems.AssertRefusedAsync(response, "villages[1]");
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Baselines.CountAsync(Ct));
    }

    [Theory]
    [InlineData("""{"title":"第二版","effectiveFrom":"2026-07-01","items":[null]}""", "items[0]")]
    [InlineData("""{"title":"第二\u0000版","effectiveFrom":"2026-07-01","items":[{"code":"A1","group":"五化","name":"阵地规范化","weight":100}]}""", "title")]
    [InlineData("""{"title":"第二版","effectiveFrom":"2026-07-01","items":[{"code":"A\u00001","group":"五化","name":"阵地规范化","weight":100}]}""", "items[0].code")]
    [InlineData("""{"title":"第二版","effectiveFrom":"2026-07-01","items":[{"code":"A1","group":"五化","name":"\u200B","weight":100}]}""", "items[0].name")]
    public async Task A_checklist_with_a_bad_value_is_refused_and_no_version_is_published(string body, string field)
    {
        await using var app = await VenuesApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/venues/checklists", Json(body), Ct);

        await Problems.AssertRefusedAsync(response, field);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Checklists.CountAsync(Ct));
    }

    [Fact]
    public async Task A_level_in_the_query_must_be_a_name()
    {
        await using var app = await VenuesApp.StartAsync();

        var response = await app.CreateClient().GetAsync("/api/venues/coverage?level=7", Ct);

        await Problems.AssertRefusedAsync(response, "level");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
