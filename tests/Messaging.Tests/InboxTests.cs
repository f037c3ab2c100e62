using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests;

public sealed class InboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_knows_a_consumer_by_its_given_name_not_its_class()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: true, consumer: true, batchConsumer: true);

        var ping = Assert.Single(await harness.CommitPingsAsync(1, Ct));

        await Eventually.TrueAsync(async () => await harness.EffectsAsync(ping.Id) == 2, Timeout);
        await using var db = harness.OpenDb();
        var consumers = await db.Set<InboxMessage>().Select(m => m.Consumer).OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal(["test-ping", "test-ping-batch"], consumers);
        Assert.Equal(("test-ping", "test-ping-batch"), (PingConsumer.Name, PingBatchConsumer.Name));
    }

    [Theory]
    [InlineData("DELETE FROM outbox_messages WHERE sent_at < now() - interval '7 days'", "ix_outbox_messages_sent_at")]
    [InlineData("DELETE FROM inbox_messages WHERE processed_at < now() - interval '30 days'", "ix_inbox_messages_processed_at")]
    public async Task Housekeeping_finds_what_it_deletes_by_an_index(string sweep, string index)
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await using var connection = new NpgsqlConnection(harness.Database);
        await connection.OpenAsync(Ct);
        // An empty table is cheapest to scan whole; forbid that to see whether an index can serve.
        await using (var noScans = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await noScans.ExecuteNonQueryAsync(Ct);
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN {sweep}", connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }
}
