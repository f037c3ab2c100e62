using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Venues.Tests.Api;

public sealed class FactsReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replay_request_publishes_every_current_fact_again_at_its_version_once_per_request()
    {
        await using var app = await VenuesApp.StartAsync();
        var venue = await RecordFactsAsync(app);
        var states = await app.PublishedAsync<VenueChanged>();
        var coverage = await app.PublishedAsync<VenueCoverageChanged>();
        var facts = await app.PublishedAsync<VenueDeadlineMissed>();
        await using var db = app.OpenDb();
        var snapshots = await db.CoverageSnapshots.ToDictionaryAsync(s => s.UnitId, s => s.Version, Ct);

        var consumed = new ConsumedCount<VenueFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var request = Guid.NewGuid();
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{VenueFactsReplayRequested.Queue}"));
        await endpoint.Send(new VenueFactsReplayRequested("test", DateTimeOffset.UtcNow), context => context.MessageId = request, Ct);
        await endpoint.Send(new VenueFactsReplayRequested("test", DateTimeOffset.UtcNow), context => context.MessageId = request, Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        var replayedFacts = (await app.PublishedAsync<VenueDeadlineMissed>()).Skip(facts.Count).ToList();

        Assert.Equal(facts.Select(f => (f.FactId, f.UnitId, f.Reason)).Order(), replayedFacts.Select(f => (f.FactId, f.UnitId, f.Reason)).Order());
        var replayedState = Assert.Single((await app.PublishedAsync<VenueChanged>()).Skip(states.Count));
        Assert.Equal((venue, 2L, VenueState.Accepted), (replayedState.VenueId, replayedState.Version, replayedState.State));
        var replayedCoverage = (await app.PublishedAsync<VenueCoverageChanged>()).Skip(coverage.Count).ToList();
        Assert.Equal(snapshots.OrderBy(s => s.Key), replayedCoverage.Select(c => KeyValuePair.Create(c.UnitId, c.Version)).OrderBy(s => s.Key));
    }

    [Fact]
    public async Task Only_the_kinds_of_fact_whose_copy_is_not_current_are_replayed()
    {
        await using var app = await VenuesApp.StartAsync();
        await RecordFactsAsync(app);
        var states = await app.PublishedAsync<VenueChanged>();
        var coverage = await app.PublishedAsync<VenueCoverageChanged>();
        var facts = await app.PublishedAsync<VenueDeadlineMissed>();
        await using var db = app.OpenDb();
        var venueVersions = await db.Venues.Select(v => v.Version).ToListAsync(Ct);
        var coverageVersions = await db.CoverageSnapshots.Select(s => s.Version).ToListAsync(Ct);
        var current = new VenueFactsHeld(
            new CopyDigest(venueVersions.Count, venueVersions.Sum()),
            new CopyDigest(coverageVersions.Count, coverageVersions.Sum()),
            new CopyDigest(facts.Count, 0));
        var consumed = new ConsumedCount<VenueFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{VenueFactsReplayRequested.Queue}"));

        await endpoint.Send(new VenueFactsReplayRequested("test", DateTimeOffset.UtcNow, current), Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 1), TimeSpan.FromSeconds(30));
        // A copy one shortfall short.
        await endpoint.Send(new VenueFactsReplayRequested("test", DateTimeOffset.UtcNow,
            current with { DeadlineShortfalls = new CopyDigest(facts.Count - 1, 0) }), Ct);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        Assert.NotEmpty(facts);
        Assert.Equal(states.Count, (await app.PublishedAsync<VenueChanged>()).Count);
        Assert.Equal(coverage.Count, (await app.PublishedAsync<VenueCoverageChanged>()).Count);
        Assert.Equal(facts.Select(f => f.FactId).Order(), (await app.PublishedAsync<VenueDeadlineMissed>()).Skip(facts.Count).Select(f => f.FactId).Order());
    }

    /// <summary>A venue accepted, a village without one, and the deadline passed: a fact of every kind.</summary>
    private static async Task<Guid> RecordFactsAsync(VenuesApp app)
    {
        await app.WaitForBusAsync();
        var client = app.CreateClient();
        await app.RecordBaselineAsync(client, (1, true), (2, false));
        var venue = await app.PlanAsync(client, app.Tree.Village(TestTree.TownshipCode, 2));
        (await client.PostAsJsonAsync($"/api/venues/venues/{venue}/state", new { state = "Accepted", on = "2026-05-20" }, Ct)).EnsureSuccessStatusCode();
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        (await client.PostAsync("/api/venues/deadline/check", null, Ct)).EnsureSuccessStatusCode();
        return venue;
    }
}
