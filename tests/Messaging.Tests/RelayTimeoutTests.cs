using Npgsql;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests;

public sealed class RelayTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_the_broker_never_confirms_is_abandoned_and_published_once_the_broker_is_back()
    {
        // A node of this test's own: its memory alarm stops every publisher on it.
        await using var node = await RabbitMqServer.StartAsync(cancellationToken: Ct);
        await using var harness = await MessagingHarness.CreateAsync(node);
        await harness.StartAsync(relay: false, consumer: true);
        await harness.StartAsync(relay: true, consumer: false, publishTimeout: TimeSpan.FromSeconds(2));
        await node.SetMemoryAlarmAsync(raised: true);

        var pings = await harness.CommitPingsAsync(3, Ct);

        // The relay claims the batch (its rows locked), waits for confirms that do not come, then lets
        // go: the rows are free again and still unsent. Without a timeout they would stay locked.
        await Eventually.TrueAsync(async () => await ClaimableUnsentAsync(harness) == 0, Timeout);
        await Eventually.TrueAsync(async () => await ClaimableUnsentAsync(harness) == 3, Timeout);
        Assert.All(pings, ping => Assert.Equal(0, harness.Deliveries.AttemptsFor(ping.Id)));

        await node.SetMemoryAlarmAsync(raised: false);

        foreach (var ping in pings)
        {
            await Eventually.TrueAsync(async () => await harness.EffectsAsync(ping.Id) == 1, Timeout);
        }

        await Eventually.TrueAsync(async () => await UnsentAsync(harness) == 0, Timeout);
    }

    /// <summary>Unsent rows that no relay holds at this moment.</summary>
    private static async Task<long> ClaimableUnsentAsync(MessagingHarness harness)
    {
        await using var connection = new NpgsqlConnection(harness.Database);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using var claim = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT id FROM outbox_messages WHERE sent_at IS NULL FOR UPDATE SKIP LOCKED) AS free", connection, transaction);
        return (long)(await claim.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> UnsentAsync(MessagingHarness harness)
    {
        await using var connection = new NpgsqlConnection(harness.Database);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }
}
