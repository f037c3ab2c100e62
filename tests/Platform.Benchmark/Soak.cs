namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// Sustained county writes through the gateway at a fixed rate: p50, p95, p99, answers other than 200
/// (409 apart: a documented conflict), and each platform process's memory at the start and the end.
/// With <c>--step</c>, rising rates until p99 passes 250 ms, and the highest rate that kept it.
/// </summary>
public static class Soak
{
    private const double P99TargetMs = 100;
    private const double StepP99LimitMs = 250;

    private static readonly int[] StepRates = [50, 75, 100, 150, 200, 300, 400];

    public static async Task RunAsync(PlatformUnderTest platform, Options options)
    {
        using var gateway = LoadDriver.Client(platform.Gateway, TimeSpan.FromSeconds(30));
        var writes = await CountyWrites.PrepareAsync(gateway);
        Console.WriteLine($"County writes: renames of {CountyWrites.VillageCount} villages of {Targets.CountyCode} as {Targets.CountyClient} " +
                          $"through the gateway {platform.Gateway}; {platform.Description}; {Environment.ProcessorCount} cores");
        // Not counted: the first minute after a start measured the start (JIT tiering, connection pools, the
        // first coverage counts), p99 about 400 ms against 35 ms in the minutes after it.
        var warmUp = options.Duration("warmup-seconds", TimeSpan.FromSeconds(60));
        var warmUpRate = options.Flag("step") ? options.Ints("rates", StepRates)[0] : options.Int("rate", 50);
        Console.WriteLine($"  warm-up: {warmUpRate} writes/s for {warmUp.TotalSeconds:0} s, not counted");
        await LoadDriver.FixedRateAsync(writes.RenameNextAsync, warmUpRate, warmUp);
        try
        {
            if (options.Flag("step"))
            {
                await StepAsync(writes, options);
            }
            else
            {
                await SoakAsync(platform, writes, options);
            }
        }
        finally
        {
            await writes.RestoreNamesAsync();
        }
    }

    private static async Task SoakAsync(PlatformUnderTest platform, CountyWrites writes, Options options)
    {
        var rate = options.Int("rate", 50);
        var duration = options.Duration("duration", TimeSpan.FromMinutes(10));
        Console.WriteLine($"Soak: {rate} writes/s for {duration}");

        var before = platform.ProcessRoot is { } root ? PlatformProcesses.Measure(root) : [];
        var minutes = new List<string>();
        var all = new Latencies();
        var minute = TimeSpan.FromMinutes(1);
        for (var done = TimeSpan.Zero; done < duration; done += minute)
        {
            var slice = duration - done < minute ? duration - done : minute;
            var run = await LoadDriver.FixedRateAsync(writes.RenameNextAsync, rate, slice);
            all.AddRange(run.Latencies);
            Console.WriteLine($"  {done + slice:hh\\:mm\\:ss}: p50 {run.Latencies.Percentile(0.50):F1} ms, p95 {run.Latencies.Percentile(0.95):F1} ms, " +
                              $"p99 {run.Latencies.Percentile(0.99):F1} ms, {Answers(run.Latencies)}");
        }

        var after = platform.ProcessRoot is { } again ? PlatformProcesses.Measure(again) : [];
        var p99 = all.Percentile(0.99);
        var errors = all.Statuses.Where(pair => pair.Key is not (200 or 409)).Sum(pair => pair.Value);
        Console.WriteLine($"\nAll {all.Count:N0} writes at {rate}/s: p50 {all.Percentile(0.50):F1} ms, p95 {all.Percentile(0.95):F1} ms, p99 {p99:F1} ms " +
                          $"(target ≤ {P99TargetMs} ms: {GatewayCost.Verdict(p99 <= P99TargetMs)})");
        Console.WriteLine($"  {Answers(all)}; errors {errors} (target 0 beyond documented 409s: {GatewayCost.Verdict(errors == 0)})");
        PrintMemory(before, after);
    }

    private static async Task StepAsync(CountyWrites writes, Options options)
    {
        var rates = options.Ints("rates", StepRates);
        var duration = options.Duration("step-seconds", TimeSpan.FromSeconds(60));
        Console.WriteLine($"Steps of {duration.TotalSeconds:0} s until p99 > {StepP99LimitMs} ms or errors: {string.Join(", ", rates)} writes/s");
        int? highest = null;
        foreach (var rate in rates)
        {
            var run = await LoadDriver.FixedRateAsync(writes.RenameNextAsync, rate, duration);
            var p99 = run.Latencies.Percentile(0.99);
            var errors = run.Latencies.Statuses.Where(pair => pair.Key is not (200 or 409)).Sum(pair => pair.Value);
            var achieved = run.Latencies.Count / run.Elapsed.TotalSeconds;
            Console.WriteLine($"  {rate,4}/s: achieved {achieved:F0}/s, p50 {run.Latencies.Percentile(0.50):F1} ms, " +
                              $"p95 {run.Latencies.Percentile(0.95):F1} ms, p99 {p99:F1} ms, {Answers(run.Latencies)}");
            if (p99 > StepP99LimitMs || errors > 0 || run.Latencies.Skipped > 0)
            {
                break;
            }

            highest = rate;
        }

        Console.WriteLine(highest is { } best
            ? $"Highest rate with p99 ≤ {StepP99LimitMs} ms and no errors: {best} writes/s"
            : $"No rate tried kept p99 ≤ {StepP99LimitMs} ms");
    }

    private static string Answers(Latencies latencies) =>
        $"200 × {latencies.Statuses.GetValueOrDefault(200)}, 409 (documented conflict) × {latencies.Statuses.GetValueOrDefault(409)}, " +
        $"other: {latencies.StatusSummary(status => status is not (200 or 409))}" +
        (latencies.Skipped > 0 ? $", not sent (all 100 villages busy) × {latencies.Skipped}" : "");

    private static void PrintMemory(IReadOnlyList<PlatformProcesses.Memory> before, IReadOnlyList<PlatformProcesses.Memory> after)
    {
        if (before.Count == 0)
        {
            Console.WriteLine("  memory: no platform processes found (give --apphost-pid)");
            return;
        }

        Console.WriteLine("  memory (MiB)      RSS start   RSS end   PSS start   PSS end   processes");
        foreach (var start in before)
        {
            var end = after.FirstOrDefault(memory => memory.Resource == start.Resource);
            Console.WriteLine($"  {start.Resource,-15} {Mib(start.RssBytes),10:F0} {Mib(end?.RssBytes ?? 0),9:F0} " +
                              $"{Mib(start.PssBytes),11:F0} {Mib(end?.PssBytes ?? 0),9:F0}   {start.Processes} → {end?.Processes ?? 0}");
        }
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
