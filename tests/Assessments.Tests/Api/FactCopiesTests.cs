using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>Other services' facts that scores, exclusions and deductions draw on: the newest version kept, a repeated fact kept once.</summary>
public sealed class FactCopiesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coverage_keeps_its_newest_version_whatever_the_order_and_a_redelivery_changes_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await app.WaitForBusAsync();
        var county = app.Tree.Id(TestTree.CountyCode);
        var redelivered = Guid.NewGuid();

        await app.PublishAsync(Coverage(county, 3, 40, 30), redelivered, Ct);
        await app.PublishAsync(Coverage(county, 2, 40, 20), Guid.NewGuid(), Ct);
        await app.PublishAsync(Coverage(county, 3, 40, 30), redelivered, Ct);
        await app.PublishAsync(Coverage(county, 4, 40, 36), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await VersionOfAsync(app, county) == 4, Timeout);
        await app.PublishAsync(Coverage(county, 1, 40, 10), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () => await InboxCountAsync(app) == 4, Timeout);

        await using var db = app.OpenDb();
        var held = await db.VenueCoverages.SingleAsync(Ct);
        Assert.Equal((county, 4L, UnitLevel.County, 40, 36, 90m, "临渭区"),
            (held.Id, held.Version, held.Fact.Level, held.Fact.Villages, held.Fact.VillagesWithVenue, held.Fact.CoveragePercent, held.Fact.UnitName));
        Assert.Equal(TimeSpan.Zero, held.Fact.OccurredAt.Offset);
        Assert.Equal(AssessmentsApp.Start, held.Fact.OccurredAt);
    }

    [Fact]
    public async Task A_deadline_fact_replayed_under_another_message_id_is_kept_once()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await app.WaitForBusAsync();
        var county = app.Tree.Id(TestTree.CountyCode);
        var missed = new VenueDeadlineMissed(Guid.NewGuid(), county, "临渭区", TestTree.CountyCode, UnitLevel.County, new DateOnly(2013, 12, 31),
            40, 30, 75m, "截止2013年12月31日活动场所覆盖率75%", AssessmentsApp.Start);

        await app.PublishAsync(missed, Guid.NewGuid(), Ct);
        await app.PublishAsync(missed, Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Set<PartyPlatform.Messaging.Inbox.InboxMessage>().CountAsync(m => m.Consumer == Facts.VenueDeadlineMissedConsumer.Name, Ct) == 2;
        }, Timeout);

        await using var after = app.OpenDb();
        var fact = await after.VenueDeadlineFacts.SingleAsync(Ct);
        Assert.Equal((missed.FactId, county, new DateOnly(2013, 12, 31), 75m, missed.Reason),
            (fact.FactId, fact.Fact.UnitId, fact.Fact.Deadline, fact.Fact.CoveragePercent, fact.Fact.Reason));
    }

    [Fact]
    public async Task A_wealth_leader_keeps_its_newest_state_with_party_membership()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await app.WaitForBusAsync();
        var person = Guid.NewGuid();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);

        await app.PublishAsync(new WealthLeaderChanged(person, 1, village, true, null, AssessmentsApp.Start), Guid.NewGuid(), Ct);
        await app.PublishAsync(new WealthLeaderChanged(person, 2, village, true, new DateOnly(2010, 7, 1), AssessmentsApp.Start), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.WealthLeaders.AnyAsync(w => w.Version == 2, Ct);
        }, Timeout);

        await using var after = app.OpenDb();
        var leader = await after.WealthLeaders.SingleAsync(Ct);
        Assert.Equal((person, village, true, (DateOnly?)new DateOnly(2010, 7, 1)), (leader.Id, leader.Fact.UnitId, leader.Fact.IsAwardCandidate, leader.Fact.JoinedPartyOn));
    }

    private static VenueCoverageChanged Coverage(Guid county, long version, int villages, int withVenue) =>
        new(county, version, "临渭区", TestTree.CountyCode, UnitLevel.County, villages, withVenue, Math.Round(100m * withVenue / villages, 2), AssessmentsApp.Start);

    private static async Task<long?> VersionOfAsync(AssessmentsApp app, Guid unit)
    {
        await using var db = app.OpenDb();
        return await db.VenueCoverages.Where(c => c.Id == unit).Select(c => (long?)c.Version).SingleOrDefaultAsync(Ct);
    }

    private static async Task<int> InboxCountAsync(AssessmentsApp app)
    {
        await using var db = app.OpenDb();
        return await db.Set<PartyPlatform.Messaging.Inbox.InboxMessage>().CountAsync(m => m.Consumer == Facts.VenueCoverageCopier.Name, Ct);
    }
}
