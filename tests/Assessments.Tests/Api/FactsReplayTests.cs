using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>Assessments publishes its current facts again on request, at their versions, once per request, and only the kinds a copy lacks.</summary>
public sealed class FactsReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replay_request_publishes_every_grading_again_at_its_version_once_per_request_and_a_current_copy_gets_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await app.WaitForBusAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1)), "Poor");
        await Gradings.GradedAsync(city, round, app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 2)), "Good", last: null);
        var published = (await app.PublishedAsync<OrganizationGraded>()).Count;
        await using var db = app.OpenDb();
        var versions = await db.Gradings.Select(g => g.Version).ToListAsync(Ct);
        var consumed = new ConsumedCount<AssessmentsFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var request = Guid.NewGuid();

        await SendAsync(app, new AssessmentsFactsReplayRequested("test", DateTimeOffset.UtcNow), request);
        await SendAsync(app, new AssessmentsFactsReplayRequested("test", DateTimeOffset.UtcNow), request);
        await SendAsync(app, new AssessmentsFactsReplayRequested("test", DateTimeOffset.UtcNow,
            new AssessmentsFactsHeld(Gradings: new CopyDigest(versions.Count, versions.Sum()))), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 3), TimeSpan.FromSeconds(30));

        Assert.Equal(
            await db.Gradings.OrderBy(g => g.Id).Select(g => new { g.Id, g.Version, g.Step, g.Grade }).ToListAsync(Ct),
            (await app.PublishedAsync<OrganizationGraded>()).Skip(published).Select(e => new { Id = e.GradingId, e.Version, e.Step, e.Grade }).OrderBy(g => g.Id).ToList());
    }

    [Fact]
    public async Task The_confirmed_award_lists_are_replayed_to_a_copy_whose_digest_is_stale_and_not_to_a_sender_that_does_not_copy_them()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await app.WaitForBusAsync();
        var (tree, _) = await AwardsApiTests.SetUpAsync(app);
        var confirmed = await app.CreateClient().PutAsJsonAsync("/api/assessments/awards/2026/Villages", new { entries = new[] { tree.Village(TestTree.TownshipCode, 1) } }, Ct);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        await using var db = app.OpenDb();
        var versions = await db.Gradings.Select(g => g.Version).ToListAsync(Ct);
        var consumed = new ConsumedCount<AssessmentsFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);

        await SendAsync(app, new AssessmentsFactsReplayRequested("dashboard", DateTimeOffset.UtcNow, new AssessmentsFactsHeld(AwardLists: new CopyDigest(0, 0))), Guid.NewGuid());
        await SendAsync(app, new AssessmentsFactsReplayRequested("personnel", DateTimeOffset.UtcNow,
            new AssessmentsFactsHeld(Gradings: new CopyDigest(versions.Count, versions.Sum()))), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        var published = await app.PublishedAsync<AwardListConfirmed>();
        Assert.Equal(2, published.Count);
        Assert.Equal((published[0].AwardListId, published[0].Version, published[0].Entries.Single()), (published[1].AwardListId, published[1].Version, published[1].Entries.Single()));
    }

    private static async Task SendAsync(AssessmentsApp app, AssessmentsFactsReplayRequested request, Guid messageId)
    {
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{AssessmentsFactsReplayRequested.Queue}"));
        await endpoint.Send(request, context => context.MessageId = messageId, Ct);
    }
}
