using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PartyPlatform.Auditing;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.Dashboard.Venues;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>What a database written by the previous release looks like after this one's migrations.</summary>
public sealed class UpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applied_messages_stay_applied_under_the_consumers_names_and_earlier_writes_keep_their_client()
    {
        var database = await TestServers.Postgres.CreateDatabaseAsync();
        await using var db = DashboardApp.Db(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("VenueStates", Ct);
        var (tree, coverage, states, deadline) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES
                ({{tree}}, 'AdministrativeUnitChangedConsumer', now()),
                ({{coverage}}, 'VenueCoverageChangedConsumer', now()),
                ({{states}}, 'VenueStateChangedConsumer', now()),
                ({{deadline}}, 'VenueDeadlineMissedConsumer', now());
            INSERT INTO audit_entries (id, occurred_at, actor, operation, entity_type, entity_id, action, changes) VALUES
                ({{Guid.NewGuid()}}, now(), 'city-admin-system', 'PUT /x', 'X', '1', 'Modified', '{}'),
                ({{Guid.NewGuid()}}, now(), 'system', 'system', 'X', '2', 'Added', '{}');
            """, Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);

        var inbox = await db.Set<InboxMessage>().ToDictionaryAsync(m => m.MessageId, m => m.Consumer, Ct);
        Assert.Equal(
            // VenueStateChanged is no longer published (VenueChanged replaced it); its consumer's rows keep a name and age out.
            [AdministrativeUnitChangedConsumer.Name, VenueCoverageChangedConsumer.Name, "dashboard-venue-state-changed", VenueDeadlineMissedConsumer.Name],
            [inbox[tree], inbox[coverage], inbox[states], inbox[deadline]]);
        var clients = await db.Set<AuditEntry>().OrderBy(e => e.EntityId).Select(e => e.Client).ToListAsync(Ct);
        Assert.Equal(["city-admin-system", null], clients);
    }
}
