using PartyPlatform.Messaging.Benchmark;

// dotnet run -c Release --project tests/Messaging.Benchmark -- [events] [steady-seconds] [--durable]
var durable = args.Contains("--durable");
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
var events = numbers.Length > 0 ? numbers[0] : 20_000;
var steadySeconds = numbers.Length > 1 ? numbers[1] : 20;
if (durable)
{
    Environment.SetEnvironmentVariable("TEST_POSTGRES_DURABLE", "1");
}

Console.WriteLine(
    $"Messaging benchmark: {events:N0} events per throughput run, {steadySeconds} s at 100 events/s; " +
    $"{Environment.ProcessorCount} cores; PostgreSQL {(durable ? "durable (fsync on)" : "fsync off, as in tests")}");

var raw = await Throughput.RawAsync(events);
Print("baseline: MassTransit publish -> consume, no outbox, no db", raw);

var relay = await Throughput.OutboxAsync(events, Consumer.Raw);
Print("outbox row -> relay -> consume, no db", relay);

var perMessage = await Throughput.OutboxAsync(events, Consumer.Inbox);
Print("outbox row -> relay -> inbox + effect, a transaction each", perMessage);

var batched = await Throughput.OutboxAsync(events, Consumer.InboxBatch);
Print("outbox row -> relay -> inbox + effect, batched", batched);

var latency = await SteadyLatency.MeasureAsync(ratePerSecond: 100, TimeSpan.FromSeconds(steadySeconds));
Console.WriteLine(
    $"commit -> effect at 100 events/s (batched consumer): p50 {latency.P50.TotalMilliseconds:F1} ms, " +
    $"p95 {latency.P95.TotalMilliseconds:F1} ms, max {latency.Max.TotalMilliseconds:F1} ms over {latency.Count} events");

void Print(string what, double perSecond) =>
    Console.WriteLine($"{what,-60} {perSecond,8:N0} events/s   ratio to baseline {perSecond / raw:F2}");
