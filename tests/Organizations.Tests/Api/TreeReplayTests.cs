using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.TreeReplay;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

public sealed class TreeReplayTests
{
    private const string Csv = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610502001000,东镇,Township,610502000000,
        610502002000,西镇,Township,610502000000,
        610502001201,东一村,Village,610502001000,东一村党支部
        610502002201,西一村,Village,610502002000,
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_replays_every_unit_once_at_its_current_version_and_its_redelivery_replays_nothing()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await LoadTreeAsync(app);
        var consumed = ObserveRequests(app);
        var request = NewId.NextGuid();

        await SendRequestAsync(app, request);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 1), Patience);
        await AssertReplayedAsync(app, times: 1);

        await SendRequestAsync(app, request);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience);
        await AssertReplayedAsync(app, times: 1);
    }

    [Fact]
    public async Task Requests_that_arrive_during_a_replay_share_the_next_one_and_a_later_request_is_replayed_again()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await LoadTreeAsync(app);
        var consumed = ObserveRequests(app);
        var first = NewId.NextGuid();

        // Holding the first request's inbox key keeps its replay begun but unfinished while two more arrive.
        await using (var blocker = app.OpenDb())
        {
            await using var transaction = await blocker.Database.BeginTransactionAsync(Ct);
            await blocker.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({first}, {TreeReplayRequestedConsumer.Name}, now())", Ct);
            await SendRequestAsync(app, first);
            await Eventually.TrueAsync(() => RequestWaitsOnInboxAsync(app), Patience);

            await SendRequestAsync(app, NewId.NextGuid());
            await SendRequestAsync(app, NewId.NextGuid());
            await Eventually.TrueAsync(() => Task.FromResult(consumed.Started == 3), Patience);
            await transaction.RollbackAsync(Ct);
        }

        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 3), Patience);
        await AssertReplayedAsync(app, times: 2);

        await SendRequestAsync(app, NewId.NextGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 4), Patience);
        await AssertReplayedAsync(app, times: 3);
    }

    [Fact]
    public async Task A_copy_that_holds_every_current_version_gets_no_replay_and_one_a_version_behind_gets_the_tree()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await LoadTreeAsync(app);
        var consumed = ObserveRequests(app);
        await using var db = app.OpenDb();
        var versions = await db.Units.Select(u => u.Version).ToListAsync(Ct);
        var current = new CopyDigest(versions.Count, versions.Sum());

        await SendRequestAsync(app, NewId.NextGuid(), current);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 1), Patience);
        Assert.Empty(await ReplayedAsync(db));

        // One unit's last change missing: the same number of units, one version fewer.
        await SendRequestAsync(app, NewId.NextGuid(), current with { VersionSum = current.VersionSum - 1 });
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience);
        await AssertReplayedAsync(app, times: 1);

        // A unit missing altogether.
        await SendRequestAsync(app, NewId.NextGuid(), new CopyDigest(current.Count - 1, current.VersionSum - versions[0]));
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 3), Patience);
        await AssertReplayedAsync(app, times: 2);
    }

    [Fact]
    public async Task A_sender_that_does_not_copy_party_organisations_gets_none_and_a_request_without_figures_gets_them_all()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await LoadTreeAsync(app);
        var consumed = ObserveRequests(app);
        var (units, _) = await DigestsAsync(app);

        // As Venues and Personnel ask: their units one version behind, nothing said of organisations.
        await SendRequestAsync(app, NewId.NextGuid(), units with { VersionSum = units.VersionSum - 1 });
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 1), Patience);
        await AssertReplayedAsync(app, times: 1);
        Assert.Empty(await ReplayedOrganizationsAsync(app));

        await SendRequestAsync(app, NewId.NextGuid());
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience);
        await AssertReplayedAsync(app, times: 2);
        await AssertOrganizationsReplayedAsync(app, times: 1);
    }

    [Fact]
    public async Task A_copy_of_the_party_organisations_is_replayed_only_when_it_is_behind()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await LoadTreeAsync(app);
        var consumed = ObserveRequests(app);
        var (units, organizations) = await DigestsAsync(app);

        await SendRequestAsync(app, NewId.NextGuid(), units, organizations);
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 1), Patience);
        Assert.Empty(await ReplayedOrganizationsAsync(app));

        await SendRequestAsync(app, NewId.NextGuid(), units, organizations with { VersionSum = organizations.VersionSum - 1 });
        await Eventually.TrueAsync(() => Task.FromResult(consumed.Count == 2), Patience);
        await AssertOrganizationsReplayedAsync(app, times: 1);
        await using var db = app.OpenDb();
        Assert.Empty(await ReplayedAsync(db));
    }

    /// <summary>
    /// A tree with a merge behind it, so that versions differ, a unit is retired and an enterprise's
    /// Party organisation has moved, whose events
    /// have all left the outbox.
    /// </summary>
    private static async Task LoadTreeAsync(OrganizationsApp app)
    {
        await app.ImportCsvAsync(Csv);
        var client = app.CreateClient();
        var east = await client.GetFromJsonAsync<JsonElement>("/api/organizations/unit-codes/610502001000", Ct);
        var west = await client.GetFromJsonAsync<JsonElement>("/api/organizations/unit-codes/610502002000", Ct);
        (await client.PostAsJsonAsync("/api/organizations/party-organizations",
            new { name = "东镇果业公司党支部", kind = "Enterprise", unitId = east.GetProperty("id") }, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/organizations/units/{east.GetProperty("id")}/merge",
            new { successorId = west.GetProperty("id") }, Ct)).EnsureSuccessStatusCode();

        await using var db = app.OpenDb();
        await Eventually.TrueAsync(async () => !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null, Ct), Patience);
    }

    private static ConsumedRequests ObserveRequests(OrganizationsApp app)
    {
        var consumed = new ConsumedRequests();
        app.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(consumed);
        return consumed;
    }

    private static async Task<(CopyDigest Units, CopyDigest Organizations)> DigestsAsync(OrganizationsApp app)
    {
        await using var db = app.OpenDb();
        var units = await db.Units.Select(u => u.Version).ToListAsync(Ct);
        var organizations = await db.PartyOrganizations.Select(o => o.Version).ToListAsync(Ct);
        return (new CopyDigest(units.Count, units.Sum()), new CopyDigest(organizations.Count, organizations.Sum()));
    }

    private static async Task SendRequestAsync(OrganizationsApp app, Guid messageId, CopyDigest? held = null, CopyDigest? organizations = null)
    {
        var bus = app.Services.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{TreeReplayRequested.Queue}"));
        await endpoint.Send(new TreeReplayRequested("tests", DateTimeOffset.UtcNow, held, organizations), context => context.MessageId = messageId, Ct);
    }

    private static async Task<bool> RequestWaitsOnInboxAsync(OrganizationsApp app)
    {
        await using var db = app.OpenDb();
        return await db.Database.SqlQuery<long>(
                $"""SELECT count(*) AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
            .SingleAsync(Ct) > 0;
    }

    /// <summary>The outbox holds <paramref name="times"/> replayed events per unit, each at the unit's current state.</summary>
    private static async Task AssertReplayedAsync(OrganizationsApp app, int times)
    {
        await using var db = app.OpenDb();
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Version, u.Retired }).ToListAsync(Ct);
        var replayed = (await ReplayedAsync(db)).Select(e => (e.UnitId, e.Version, e.Retired)).Order();

        Assert.Contains(units, u => u.Retired);
        Assert.Equal(units.SelectMany(u => Enumerable.Repeat((u.Id, u.Version, u.Retired), times)).Order(), replayed);
    }

    /// <summary>The outbox holds <paramref name="times"/> replayed events per Party organisation, each at its current state and code.</summary>
    private static async Task AssertOrganizationsReplayedAsync(OrganizationsApp app, int times)
    {
        await using var db = app.OpenDb();
        var organizations = await db.PartyOrganizations.AsNoTracking().Select(o => new { o.Id, o.Version, o.Code, o.UnitId }).ToListAsync(Ct);
        var replayed = (await ReplayedOrganizationsAsync(app)).Select(e => (e.OrganizationId, e.Version, e.Code, e.UnitId)).Order();

        Assert.Contains(organizations, o => o.Version > 1);
        Assert.Equal(organizations.SelectMany(o => Enumerable.Repeat((o.Id, o.Version, o.Code, o.UnitId), times)).Order(), replayed);
    }

    private static async Task<List<PartyOrganizationChanged>> ReplayedOrganizationsAsync(OrganizationsApp app) =>
        (await app.PublishedAsync<PartyOrganizationChanged>()).Where(e => e.Change == UnitChange.Replayed).ToList();

    private static async Task<List<AdministrativeUnitChanged>> ReplayedAsync(OrganizationsDb db)
    {
        var type = MessageSerializer.TypeName(typeof(AdministrativeUnitChanged));
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type).ToListAsync(Ct);
        return rows.Select(r => (AdministrativeUnitChanged)MessageSerializer.Deserialize(r.MessageType, r.Payload).Message)
            .Where(e => e.Change == UnitChange.Replayed)
            .ToList();
    }

    private sealed class ConsumedRequests : IConsumeMessageObserver<TreeReplayRequested>
    {
        private int started;
        private int count;

        public int Started => Volatile.Read(ref started);

        public int Count => Volatile.Read(ref count);

        public Task PreConsume(ConsumeContext<TreeReplayRequested> context)
        {
            Interlocked.Increment(ref started);
            return Task.CompletedTask;
        }

        public Task PostConsume(ConsumeContext<TreeReplayRequested> context)
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<TreeReplayRequested> context, Exception exception) => Task.CompletedTask;
    }
}
