using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Terms in posts: one holder at a time where the post has one, history kept, every version published without personal information.</summary>
public sealed class PostsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_one_holder_post_takes_a_successor_only_from_the_day_the_term_before_ends()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var first = await People.RegisterAsync(client, village, People.SecretaryIdNumber);
        var second = await People.RegisterAsync(client, village, People.DirectorIdNumber);
        var term = await People.BeginTermAsync(client, first, village, "VillageSecretary", "2021-01-01");

        var overlapping = await client.PostAsJsonAsync("/api/personnel/posts", Begin(second, village, "VillageSecretary", "2026-05-01"), Ct);
        var ended = await client.PostAsJsonAsync($"/api/personnel/posts/{term}/end", new { end = "2026-05-01", reason = "届中调整" }, Ct);
        var endedAgain = await client.PostAsJsonAsync($"/api/personnel/posts/{term}/end", new { end = "2026-05-02", reason = "重复" }, Ct);
        var successor = await People.BeginTermAsync(client, second, village, "VillageSecretary", "2026-05-01");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.Conflict), (overlapping.StatusCode, ended.StatusCode, endedAgain.StatusCode));
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/posts?unitId={village}&history=true", Ct);
        var running = await client.GetFromJsonAsync<JsonElement>($"/api/personnel/posts?unitId={village}", Ct);
        Assert.Equal(2, history.GetProperty("totalCount").GetInt32());
        Assert.Equal([successor], running.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var events = await app.PublishedAsync<PostChanged>();
        Assert.Equal(
            [(term, 1L, (DateOnly?)null), (term, 2L, new DateOnly(2026, 5, 1)), (successor, 1L, null)],
            events.Select(e => (e.Event.PostId, e.Event.Version, e.Event.End)));
        Assert.All(events, e => Assert.DoesNotContain(People.SecretaryIdNumber, e.Payload));
        Assert.All(events, e => Assert.DoesNotContain("13912345678", e.Payload));
        Assert.All(events, e => Assert.DoesNotContain("张建国", e.Payload));
    }

    [Fact]
    public async Task Posts_with_many_holders_take_several_at_once_but_not_one_person_twice()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var first = await People.RegisterAsync(client, village, People.SecretaryIdNumber);
        var second = await People.RegisterAsync(client, village, People.DirectorIdNumber);
        await People.BeginTermAsync(client, first, village, "ReserveTalent", "2026-01-01");

        var other = await client.PostAsJsonAsync("/api/personnel/posts", Begin(second, village, "ReserveTalent", "2026-02-01"), Ct);
        var twice = await client.PostAsJsonAsync("/api/personnel/posts", Begin(first, village, "ReserveTalent", "2026-03-01"), Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (other.StatusCode, twice.StatusCode));
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.Posts.CountAsync(Ct));
    }

    [Fact]
    public async Task A_post_on_a_retired_unit_or_a_unit_of_another_level_is_refused_and_nothing_is_written()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var person = await People.RegisterAsync(client, village, People.SecretaryIdNumber);
        var retired = await app.RetireVillageAsync(TestTree.TownshipCode, 2, village);

        var onRetired = await client.PostAsJsonAsync("/api/personnel/posts", Begin(person, retired, "VillageSecretary", "2026-05-01"), Ct);
        var wrongLevel = await client.PostAsJsonAsync("/api/personnel/posts", Begin(person, village, "TownshipSecretary", "2026-05-01"), Ct);

        await Problems.AssertRefusedAsync(onRetired, "unitId");
        await Problems.AssertRefusedAsync(wrongLevel, "kind");
        await using var after = app.OpenDb();
        Assert.Equal(0, await after.Posts.CountAsync(Ct));
        Assert.Empty(await app.PublishedAsync<PostChanged>());
    }

    private static object Begin(Guid personId, Guid unitId, string kind, string start) => new { personId, unitId, kind, start };
}
