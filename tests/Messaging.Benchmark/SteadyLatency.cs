using System.Diagnostics;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Messaging;

namespace PartyPlatform.Messaging.Benchmark;

public sealed record LatencyFigures(int Count, TimeSpan P50, TimeSpan P95, TimeSpan Max);

public static class SteadyLatency
{
    /// <summary>
    /// One event per transaction at a steady rate, as a service's requests write them; latency is
    /// from the commit returning to the consumer's effect committing.
    /// </summary>
    public static async Task<LatencyFigures> MeasureAsync(int ratePerSecond, TimeSpan duration)
    {
        await using var harness = await MessagingHarness.CreateAsync();
        await harness.StartAsync(relay: true, consumer: false, batchConsumer: true);
        var committedAt = new Dictionary<Guid, long>();
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond);
        var count = (int)(duration.TotalSeconds * ratePerSecond);

        using var ticks = new PeriodicTimer(interval);
        for (var i = 0; i < count && await ticks.WaitForNextTickAsync(); i++)
        {
            var ping = new Ping(Guid.NewGuid());
            await using var db = harness.OpenDb();
            db.PublishOnCommit(ping);
            await db.SaveChangesAsync();
            committedAt[ping.Id] = Stopwatch.GetTimestamp();
        }

        await Eventually.TrueAsync(() => Task.FromResult(harness.Deliveries.AppliedCount == count), TimeSpan.FromMinutes(2));
        var latencies = committedAt
            .Select(pair => Stopwatch.GetElapsedTime(pair.Value, harness.Deliveries.AppliedAt(pair.Key)!.Value))
            .Order()
            .ToList();
        return new LatencyFigures(latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1]);
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
