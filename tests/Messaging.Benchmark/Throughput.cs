using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Benchmark;

public enum Consumer
{
    /// <summary>No database: the relay and the transport alone.</summary>
    Raw,

    /// <summary>Inbox + effect, one transaction per message.</summary>
    Inbox,

    /// <summary>Inbox + effect, one transaction per batch: what the platform's event-fed read models use.</summary>
    InboxBatch,
}

public static class Throughput
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The baseline: publish straight to the bus (confirms on, 500 in flight) and count consumes, no database.</summary>
    public static async Task<double> RawAsync(int events)
    {
        await using var harness = await MessagingHarness.CreateAsync();
        var host = await harness.StartAsync(relay: false, consumer: false, rawConsumer: true);
        var bus = host.Services.GetRequiredService<IBus>();
        var pings = Enumerable.Range(0, events).Select(_ => new Ping(Guid.NewGuid())).ToList();

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(pings, new ParallelOptions { MaxDegreeOfParallelism = 500 },
            async (ping, ct) => await bus.Publish(ping, ct));
        await Eventually.TrueAsync(() => Task.FromResult(harness.Deliveries.AppliedCount == events), Timeout);
        return events / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Rows already committed to the outbox; the clock runs from the relay's start to the last
    /// consumer effect, each applied through the inbox in its own transaction.
    /// </summary>
    public static async Task<double> OutboxAsync(int events, Consumer consumer)
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(
            relay: false, consumer: consumer == Consumer.Inbox, rawConsumer: consumer == Consumer.Raw, batchConsumer: consumer == Consumer.InboxBatch);
        await harness.CommitPingsAsync(events);

        var clock = Stopwatch.StartNew();
        await harness.StartAsync(relay: true, consumer: false);
        await Eventually.TrueAsync(() => Task.FromResult(harness.Deliveries.AppliedCount == events), Timeout);
        return events / clock.Elapsed.TotalSeconds;
    }
}
