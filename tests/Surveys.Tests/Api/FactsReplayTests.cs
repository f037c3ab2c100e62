using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Surveys publishes its current facts again on request, at their versions, once per request, and only the kinds a copy lacks.</summary>
public sealed class FactsReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replay_request_publishes_every_organisations_figures_and_every_problem_again_at_its_version_once_per_request()
    {
        await using var app = await SurveysApp.StartAsync();
        var (figures, problems) = await RecordFactsAsync(app);
        var consumed = new ConsumedCount<SurveysFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        var request = Guid.NewGuid();

        await SendAsync(app, new SurveysFactsReplayRequested("test", DateTimeOffset.UtcNow), request);
        await SendAsync(app, new SurveysFactsReplayRequested("test", DateTimeOffset.UtcNow), request);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        await using var db = app.OpenDb();
        Assert.Equal(
            await db.CampaignOrganizations.OrderBy(o => o.Id).Select(o => new { o.Id, o.Version }).ToListAsync(Ct),
            (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Skip(figures).Select(e => new { Id = e.ScopeEntryId, e.Version }).OrderBy(o => o.Id).ToList());
        Assert.Equal(
            await db.Problems.OrderBy(p => p.Id).Select(p => new { p.Id, p.Version, p.Stage }).ToListAsync(Ct),
            (await app.PublishedAsync<ProblemChanged>()).Skip(problems).Select(e => new { Id = e.ProblemId, e.Version, e.Stage }).OrderBy(p => p.Id).ToList());
    }

    [Fact]
    public async Task Only_the_kinds_a_copy_holds_and_lacks_are_replayed()
    {
        await using var app = await SurveysApp.StartAsync();
        var (figures, problems) = await RecordFactsAsync(app);
        await using var db = app.OpenDb();
        var versions = await db.Problems.Select(p => p.Version).ToListAsync(Ct);
        var current = new CopyDigest(versions.Count, versions.Sum());
        var consumed = new ConsumedCount<SurveysFactsReplayRequested>();
        using var observing = app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);

        // A copy of the problems alone, current: nothing.
        await SendAsync(app, new SurveysFactsReplayRequested("test", DateTimeOffset.UtcNow, new SurveysFactsHeld(Problems: current)), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 1), TimeSpan.FromSeconds(30));
        // The same copy one version behind: the problems, and still no figures (it does not copy them).
        await SendAsync(app, new SurveysFactsReplayRequested("test", DateTimeOffset.UtcNow,
            new SurveysFactsHeld(Problems: current with { VersionSum = current.VersionSum - 1 })), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Value == 2), TimeSpan.FromSeconds(30));

        Assert.Equal(figures, (await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Count);
        Assert.Equal(problems + versions.Count, (await app.PublishedAsync<ProblemChanged>()).Count);
    }

    /// <summary>A visit, an open problem and one assigned: facts of both kinds. Returns how many of each were published.</summary>
    private static async Task<(int Figures, int Problems)> RecordFactsAsync(SurveysApp app)
    {
        await app.WaitForBusAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();
        var village = TestTree.VillageCode(TestTree.TownshipCode, 1);
        (await Visits.RecordAsync(city, campaign, village, "H-1")).EnsureSuccessStatusCode();
        await Problems.RaiseAsync(city, campaign, village);
        var assigned = await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.TownshipCode, 2), "welfare");
        await Problems.AdvanceAsync(city, assigned, app.Tree.Id(TestTree.TownshipCode), "assign");
        return ((await app.PublishedAsync<OrganizationVisitFiguresChanged>()).Count, (await app.PublishedAsync<ProblemChanged>()).Count);
    }

    private static async Task SendAsync(SurveysApp app, SurveysFactsReplayRequested request, Guid messageId)
    {
        var endpoint = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{SurveysFactsReplayRequested.Queue}"));
        await endpoint.Send(request, context => context.MessageId = messageId, Ct);
    }
}
