using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.TestInfrastructure.Messaging;

/// <summary>
/// Counts every delivery attempt, so a test can wait for a duplicate to have been handled, and
/// notes when each effect committed (Stopwatch timestamps), for the benchmark's latencies.
/// </summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentDictionary<Guid, int> attempts = new();
    private readonly ConcurrentDictionary<Guid, long> applied = new();
    private readonly ConcurrentDictionary<Guid, int> handled = new();
    private readonly ConcurrentDictionary<Guid, ActivityTraceId> traces = new();

    public int AppliedCount => applied.Count;

    public int AttemptsFor(Guid pingId) => attempts.GetValueOrDefault(pingId);

    /// <summary>Deliveries that went through the inbox to the end, applied or skipped as duplicates.</summary>
    public int HandledFor(Guid pingId) => handled.GetValueOrDefault(pingId);

    public long? AppliedAt(Guid pingId) => applied.TryGetValue(pingId, out var at) ? at : null;

    public void Attempted(Guid pingId) => attempts.AddOrUpdate(pingId, 1, (_, n) => n + 1);

    public void Applied(Guid pingId) => applied.TryAdd(pingId, Stopwatch.GetTimestamp());

    /// <summary>The trace the consumer ran in, to show that trace context crossed the outbox and the broker.</summary>
    public ActivityTraceId? TraceOf(Guid pingId) => traces.TryGetValue(pingId, out var trace) ? trace : null;

    public void Traced(Guid pingId, ActivityTraceId? trace)
    {
        if (trace is { } id)
        {
            traces.TryAdd(pingId, id);
        }
    }

    public void Handled(Guid pingId) => handled.AddOrUpdate(pingId, 1, (_, n) => n + 1);
}

public sealed class PingConsumer(RelayTestDb db, DeliveryLog log) : IConsumer<Ping>, IInboxConsumer
{
    public static string Name => "test-ping";

    public async Task Consume(ConsumeContext<Ping> context)
    {
        log.Attempted(context.Message.Id);
        log.Traced(context.Message.Id, Activity.Current?.TraceId);
        if (context.Message.Poison)
        {
            throw new InvalidOperationException($"Ping {context.Message.Id} is poison.");
        }

        var applied = await db.ApplyOnceAsync(context, this, _ =>
        {
            db.Effects.Add(new PingEffect { PingId = context.Message.Id });
            return Task.CompletedTask;
        });
        if (applied)
        {
            log.Applied(context.Message.Id);
        }

        log.Handled(context.Message.Id);
    }
}
