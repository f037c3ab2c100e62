using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Tests;

public sealed class OutboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_committed_event_is_published_and_a_rolled_back_one_is_not()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        // A poll interval far beyond the timeout: only the NOTIFY of the commit can wake the relay in time.
        await harness.StartAsync(relay: true, consumer: true, pollInterval: TimeSpan.FromHours(1));
        var rolledBack = new Ping(Guid.NewGuid());
        var committed = new Ping(Guid.NewGuid());

        await using (var db = harness.OpenDb())
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.PublishOnCommit(rolledBack);
                await db.SaveChangesAsync(Ct);
                await transaction.RollbackAsync(Ct);
            }

            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                db.PublishOnCommit(committed);
                await db.SaveChangesAsync(Ct);
                await transaction.CommitAsync(Ct);
            }
        }

        await Eventually.TrueAsync(async () => await harness.EffectsAsync(committed.Id) == 1, Timeout);

        await using var check = harness.OpenDb();
        var rows = await check.Set<OutboxMessage>().AsNoTracking().ToListAsync(Ct);
        var row = Assert.Single(rows);
        Assert.Contains(committed.Id.ToString(), row.Payload);
        Assert.NotNull(row.SentAt);
        Assert.Equal(0, harness.Deliveries.AttemptsFor(rolledBack.Id));
        Assert.Equal(0, await harness.EffectsAsync(rolledBack.Id));
    }

    [Fact]
    public async Task Relays_side_by_side_publish_every_event_once()
    {
        const int events = 2000;
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: false, consumer: true);
        var pings = await harness.CommitPingsAsync(events, Ct);

        await Task.WhenAll(harness.StartAsync(relay: true, consumer: false), harness.StartAsync(relay: true, consumer: false));

        await Eventually.TrueAsync(async () => await CountEffectsAsync(harness) == events, Timeout);
        // SKIP LOCKED: no row is claimed by both relays, so no message is even delivered twice.
        Assert.All(pings, ping => Assert.Equal(1, harness.Deliveries.AttemptsFor(ping.Id)));
    }

    [Fact]
    public async Task The_trace_of_the_writing_request_reaches_the_consumer()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("PartyPlatform.Messaging.Tests");
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: true, consumer: true);
        var ping = new Ping(Guid.NewGuid());

        ActivityTraceId requestTrace;
        using (var request = source.StartActivity("request that writes an event"))
        {
            requestTrace = request!.TraceId;
            await using var db = harness.OpenDb();
            db.PublishOnCommit(ping);
            await db.SaveChangesAsync(Ct);
        }

        var consumerTrace = await Eventually.ValueAsync(() => Task.FromResult(harness.Deliveries.TraceOf(ping.Id)), Timeout);
        Assert.Equal(requestTrace, consumerTrace);
    }

    [Fact]
    public async Task A_relay_killed_mid_batch_loses_nothing()
    {
        const int events = 3000;
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: false, consumer: true);
        var pings = await harness.CommitPingsAsync(events, Ct);

        var firstRelay = await harness.StartAsync(relay: true, consumer: false);
        await Eventually.TrueAsync(async () => await CountEffectsAsync(harness) > 0, Timeout);
        await harness.KillAsync(firstRelay);
        var effectsWhenKilled = await CountEffectsAsync(harness);

        await harness.StartAsync(relay: true, consumer: false);
        await Eventually.TrueAsync(async () => await CountEffectsAsync(harness) == events, Timeout);

        await using var check = harness.OpenDb();
        Assert.True(effectsWhenKilled < events, $"the relay finished all {events} events before it was killed; the test proved nothing");
        Assert.Equal(0, await check.Set<OutboxMessage>().CountAsync(m => m.SentAt == null, Ct));
        var perPing = await check.Effects.GroupBy(e => e.PingId).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(events, perPing.Count);
        Assert.All(perPing, count => Assert.Equal(1, count));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_duplicate_delivery_has_one_effect(bool batched)
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var host = await harness.StartAsync(relay: false, consumer: !batched, batchConsumer: batched);
        var bus = host.Services.GetRequiredService<IBus>();
        var ping = new Ping(Guid.NewGuid());
        var messageId = NewId.NextGuid();

        // Two publishes with one message id, as a relay that crashed after publishing but before marking would send them.
        // Side by side for the single consumer (the second waits on the first's inbox key); one after the
        // other for the batch consumer, whose batching already folds one id within a batch.
        Task Publish() => bus.Publish(ping, context => context.MessageId = messageId, Ct);
        if (batched)
        {
            await Publish();
            await Eventually.TrueAsync(async () => await harness.EffectsAsync(ping.Id) == 1, Timeout);
            await Publish();
        }
        else
        {
            await Task.WhenAll(Publish(), Publish());
        }

        await Eventually.TrueAsync(() => Task.FromResult(harness.Deliveries.HandledFor(ping.Id) == 2), Timeout);
        Assert.Equal(1, await harness.EffectsAsync(ping.Id));
        await using var check = harness.OpenDb();
        Assert.Equal(1, await check.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId, Ct));
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_after_its_retries_and_blocks_nothing()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: true, consumer: true);
        var poison = new Ping(Guid.NewGuid(), Poison: true);
        var healthy = new Ping(Guid.NewGuid());
        await using (var db = harness.OpenDb())
        {
            db.PublishOnCommit(poison);
            db.PublishOnCommit(healthy);
            await db.SaveChangesAsync(Ct);
        }

        await Eventually.TrueAsync(async () => await harness.EffectsAsync(healthy.Id) == 1, Timeout);
        var dead = await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(harness.Broker, "test-ping_error"), Timeout);

        Assert.Contains(poison.Id.ToString(), dead);
        Assert.Equal(3, harness.Deliveries.AttemptsFor(poison.Id));
        Assert.Equal(0, await harness.EffectsAsync(poison.Id));
    }

    [Fact]
    public async Task A_poison_message_in_a_batch_goes_to_the_error_queue_and_later_batches_flow()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: true, consumer: false, batchConsumer: true);
        var poison = new Ping(Guid.NewGuid(), Poison: true);
        var later = new Ping(Guid.NewGuid());

        await using (var db = harness.OpenDb())
        {
            db.PublishOnCommit(poison);
            await db.SaveChangesAsync(Ct);
        }

        var dead = await Eventually.ValueAsync(() => RabbitMqQueues.GetAsync(harness.Broker, "test-ping-batch_error"), Timeout);
        await using (var db = harness.OpenDb())
        {
            db.PublishOnCommit(later);
            await db.SaveChangesAsync(Ct);
        }

        await Eventually.TrueAsync(async () => await harness.EffectsAsync(later.Id) == 1, Timeout);
        Assert.Contains(poison.Id.ToString(), dead);
        Assert.Equal(0, await harness.EffectsAsync(poison.Id));
    }

    [Fact]
    public async Task Housekeeping_removes_only_published_rows_and_inbox_ids_past_their_retention()
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var host = await harness.StartAsync(relay: true, consumer: false);
        var (oldSent, recentSent, oldUnsent, oldInbox, recentInbox) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = harness.OpenDb())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (id, message_type, payload, created_at, sent_at) VALUES
                    ({oldSent}, 'x', '[]', now() - interval '9 days', now() - interval '8 days'),
                    ({recentSent}, 'x', '[]', now() - interval '1 day', now() - interval '1 day'),
                    ({oldUnsent}, 'x', '[]', now() - interval '9 days', NULL);
                INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES
                    ({oldInbox}, 'c', now() - interval '31 days'),
                    ({recentInbox}, 'c', now() - interval '29 days');
                """, Ct);
        }

        var swept = await host.Services.GetRequiredService<MessagingHousekeeping<RelayTestDb>>().SweepAsync(Ct);

        Assert.Equal((1, 1), swept);
        await using var check = harness.OpenDb();
        Assert.Equal(new[] { recentSent, oldUnsent }.Order(), (await check.Set<OutboxMessage>().Select(m => m.Id).ToListAsync(Ct)).Order());
        Assert.Equal([recentInbox], await check.Set<InboxMessage>().Select(m => m.MessageId).ToListAsync(Ct));
    }

    private static async Task<int> CountEffectsAsync(MessagingHarness harness)
    {
        await using var db = harness.OpenDb();
        return await db.Effects.CountAsync(Ct);
    }
}
