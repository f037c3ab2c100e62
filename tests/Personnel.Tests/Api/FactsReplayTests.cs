using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Personnel publishes its current facts again on request, at their versions, once per request, and only the kinds a copy lacks.</summary>
public sealed class FactsReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replay_request_publishes_every_current_fact_again_at_its_version_once_per_request()
    {
        await using var app = await PersonnelApp.StartAsync();
        await RecordFactsAsync(app);
        var posts = await app.PublishedAsync<PostChanged>();
        var flags = await app.PublishedAsync<EligibilityFlagChanged>();
        var entries = await app.PublishedAsync<WatchListEntryChanged>();
        var profiles = await app.PublishedAsync<VillageSecretaryProfileChanged>();
        var leaders = await app.PublishedAsync<WealthLeaderChanged>();
        var villageLeaders = await app.PublishedAsync<VillageLeadersChanged>();
        var consumed = new ConsumedCount<PersonnelFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var request = Guid.NewGuid();

        await SendAsync(app, new PersonnelFactsReplayRequested("test", DateTimeOffset.UtcNow), request);
        await SendAsync(app, new PersonnelFactsReplayRequested("test", DateTimeOffset.UtcNow), request);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        await using var db = app.OpenDb();
        Assert.Equal(
            await db.Posts.OrderBy(p => p.Id).Select(p => new { p.Id, p.Version }).ToListAsync(Ct),
            (await app.PublishedAsync<PostChanged>()).Skip(posts.Count).Select(e => new { Id = e.Event.PostId, e.Event.Version }).OrderBy(p => p.Id).ToList());
        Assert.Equal([(flags[^1].Event.FlagId, 1L)], (await app.PublishedAsync<EligibilityFlagChanged>()).Skip(flags.Count).Select(e => (e.Event.FlagId, e.Event.Version)));
        Assert.Single((await app.PublishedAsync<WatchListEntryChanged>()).Skip(entries.Count));
        Assert.Equal(
            await db.ProfileSnapshots.OrderBy(s => s.UnitId).Select(s => new { s.UnitId, s.Version }).ToListAsync(Ct),
            (await app.PublishedAsync<VillageSecretaryProfileChanged>()).Skip(profiles.Count)
                .Select(e => new { e.Event.UnitId, e.Event.Version }).OrderBy(s => s.UnitId).ToList());
        // The wealth leaders (both people), at their versions; the township secretary moved to version 2 when their source changed.
        Assert.Equal(
            await db.People.OrderBy(p => p.Id).Select(p => new { p.Id, p.Version, p.UnitId }).ToListAsync(Ct),
            (await app.PublishedAsync<WealthLeaderChanged>()).Skip(leaders.Count)
                .Select(e => new { Id = e.Event.PersonId, e.Event.Version, e.Event.UnitId }).OrderBy(p => p.Id).ToList());
        Assert.Equal([true, false], (await app.PublishedAsync<WealthLeaderChanged>()).Skip(leaders.Count)
            .OrderBy(e => e.Event.Version).Select(e => e.Event.IsWealthLeader));
        // The village with its secretary, the list whole at its version.
        var village = Assert.Single(villageLeaders).Event;
        Assert.Equal([village], (await app.PublishedAsync<VillageLeadersChanged>()).Skip(villageLeaders.Count).Select(e => e.Event),
            new VillageLeadersComparer());
    }

    private sealed class VillageLeadersComparer : IEqualityComparer<VillageLeadersChanged>
    {
        public bool Equals(VillageLeadersChanged? x, VillageLeadersChanged? y) =>
            (x!.VillageId, x.Version, x.OccurredAt) == (y!.VillageId, y.Version, y.OccurredAt) && x.Leaders.SequenceEqual(y.Leaders);

        public int GetHashCode(VillageLeadersChanged obj) => obj.VillageId.GetHashCode();
    }

    [Fact]
    public async Task Only_the_kinds_a_copy_holds_and_lacks_are_replayed()
    {
        await using var app = await PersonnelApp.StartAsync();
        await RecordFactsAsync(app);
        var posts = await app.PublishedAsync<PostChanged>();
        var profiles = await app.PublishedAsync<VillageSecretaryProfileChanged>();
        var leaders = await app.PublishedAsync<WealthLeaderChanged>();
        await using var db = app.OpenDb();
        var versions = await db.ProfileSnapshots.Select(s => s.Version).ToListAsync(Ct);
        var current = new CopyDigest(versions.Count, versions.Sum());
        var leaderVersions = await db.People.Select(p => p.Version).ToListAsync(Ct);
        var wealthLeaders = new CopyDigest(leaderVersions.Count, leaderVersions.Sum());
        var consumed = new ConsumedCount<PersonnelFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);

        // A copy of the profiles alone, current: nothing.
        await SendAsync(app, new PersonnelFactsReplayRequested("test", DateTimeOffset.UtcNow, new PersonnelFactsHeld(Profiles: current, WealthLeaders: wealthLeaders)), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 1), TimeSpan.FromSeconds(30));
        // The same copy one version behind: the profiles, and still no posts (it does not copy them).
        await SendAsync(app, new PersonnelFactsReplayRequested("test", DateTimeOffset.UtcNow,
            new PersonnelFactsHeld(Profiles: current with { VersionSum = current.VersionSum - 1 }, WealthLeaders: wealthLeaders with { Count = 1 })), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        Assert.Equal(posts.Count, (await app.PublishedAsync<PostChanged>()).Count);
        Assert.Equal(leaders.Count + leaderVersions.Count, (await app.PublishedAsync<WealthLeaderChanged>()).Count);
        Assert.Equal(profiles.Count + versions.Count, (await app.PublishedAsync<VillageSecretaryProfileChanged>()).Count);
    }

    /// <summary>A secretary in post (profiles counted), barred by hand, a village on the watch list, and two wealth leaders (one no longer): a fact of most kinds.</summary>
    private static async Task RecordFactsAsync(PersonnelApp app)
    {
        await app.WaitForBusAsync();
        var city = app.CreateClient();
        var (township, village) = (app.Tree.Id(TestTree.TownshipCode), app.Tree.Village(TestTree.TownshipCode, 1));
        var secretary = await People.RegisterAsync(city, township, People.MoreIdNumbers[0], "乡镇书记");
        Assert.True((await city.PutAsJsonAsync($"/api/personnel/people/{secretary}", new
        {
            name = "乡镇书记", gender = "Male", birthDate = "1978-05-05", ethnicity = "汉族", education = "Bachelor", joinedPartyOn = "2010-07-01", source = "Other",
        }, Ct)).IsSuccessStatusCode);
        var term = await People.BeginTermAsync(city, secretary, township, "TownshipSecretary", "2021-01-01");
        await Created.IdAsync(await city.PostAsJsonAsync($"/api/personnel/posts/{term}/eligibility-flags", new { kind = "Promotion", reason = "测试" }, Ct));
        var villager = await People.RegisterAsync(city, village, People.MoreIdNumbers[1], "村书记");
        await People.BeginTermAsync(city, villager, village, "VillageSecretary", "2021-01-01");
        await Created.IdAsync(await city.PostAsJsonAsync("/api/personnel/watch-list", new { unitId = village, kind = "Complex", reason = "测试" }, Ct));
    }

    private static async Task SendAsync(PersonnelApp app, PersonnelFactsReplayRequested request, Guid messageId)
    {
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{PersonnelFactsReplayRequested.Queue}"));
        await endpoint.Send(request, context => context.MessageId = messageId, Ct);
    }
}
