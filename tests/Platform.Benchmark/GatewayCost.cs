namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// The same small authenticated GET (one unit by id in Organizations) through the gateway and straight
/// to Organizations, in one run: at a fixed rate (p50, p99 and the difference) and at saturation
/// (requests per second and the ratio). Rounds alternate the two, so both see the same machine, and
/// each round is printed so that the noise shows.
/// </summary>
public static class GatewayCost
{
    private const double P50TargetMs = 1;
    private const double P99TargetMs = 3;
    private const double ThroughputTarget = 0.85;

    public static async Task RunAsync(PlatformUnderTest platform, Options options)
    {
        if (platform.Organizations is not { } organizations)
        {
            throw new ArgumentException("--organizations URL is needed with --gateway (Organizations' own http endpoint, from the Aspire dashboard).");
        }

        var rate = options.Int("rate", 200);
        var fixedDuration = options.Duration("fixed-seconds", TimeSpan.FromSeconds(10));
        var saturationDuration = options.Duration("saturate-seconds", TimeSpan.FromSeconds(10));
        var callers = options.Int("callers", 16);
        var rounds = options.Int("rounds", 3);

        using var gateway = LoadDriver.Client(platform.Gateway, TimeSpan.FromSeconds(30));
        using var direct = LoadDriver.Client(organizations, TimeSpan.FromSeconds(30));
        var token = new TokenSource(gateway, Targets.CountyClient, Targets.CountySecret);
        var path = $"/api/organizations/units/{await Targets.CountyIdAsync(gateway, token)}";
        await Targets.SettledAsync(gateway, token);
        var targets = new (string Name, SendRequest Send)[] { ("direct", Get(direct)), ("gateway", Get(gateway)) };

        Console.WriteLine($"Gateway cost: GET {path} as {Targets.CountyClient}; {platform.Description}; {Environment.ProcessorCount} cores");
        Console.WriteLine($"  gateway {platform.Gateway}, direct {organizations}; {rounds} rounds alternating the two");
        // Warm-up, not counted: a round's worth at the fixed rate on each, so that JIT tiering, connection pools
        // and caches are done before round 1 (without it round 1 measured the start-up, p99 in seconds).
        Console.WriteLine($"  warm-up: {rate} requests/s for {fixedDuration.TotalSeconds:0} s on each, not counted");
        foreach (var (_, send) in targets)
        {
            await LoadDriver.SaturateAsync(send, 4, TimeSpan.FromSeconds(3));
            await LoadDriver.FixedRateAsync(send, rate, fixedDuration);
        }

        Console.WriteLine($"\nFixed {rate} requests/s, {fixedDuration.TotalSeconds:0} s per target per round (latency from each request's start):");
        var fixedTotals = targets.ToDictionary(t => t.Name, _ => new Latencies());
        var p50Differences = new List<double>();
        var p99Differences = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var runs = new Dictionary<string, OpenLoopRun>();
            foreach (var (name, send) in InRoundOrder(targets, round))
            {
                runs[name] = await LoadDriver.FixedRateAsync(send, rate, fixedDuration);
                fixedTotals[name].AddRange(runs[name].Latencies);
            }

            var (d, g) = (runs["direct"], runs["gateway"]);
            p50Differences.Add(g.Latencies.Percentile(0.50) - d.Latencies.Percentile(0.50));
            p99Differences.Add(g.Latencies.Percentile(0.99) - d.Latencies.Percentile(0.99));
            Console.WriteLine(
                $"  round {round}: direct p50 {d.Latencies.Percentile(0.50),6:F2} ms p99 {d.Latencies.Percentile(0.99),6:F2} ms | " +
                $"gateway p50 {g.Latencies.Percentile(0.50),6:F2} ms p99 {g.Latencies.Percentile(0.99),6:F2} ms | " +
                $"+{p50Differences[^1]:F2} / +{p99Differences[^1]:F2} ms" +
                $"{Late(d, g)}{Failures(d.Latencies, "direct")}{Failures(g.Latencies, "gateway")}");
        }

        var (direct50, direct99) = (fixedTotals["direct"].Percentile(0.50), fixedTotals["direct"].Percentile(0.99));
        var (gateway50, gateway99) = (fixedTotals["gateway"].Percentile(0.50), fixedTotals["gateway"].Percentile(0.99));
        Console.WriteLine($"  all rounds: direct p50 {direct50:F2} ms p99 {direct99:F2} ms; gateway p50 {gateway50:F2} ms p99 {gateway99:F2} ms");
        Console.WriteLine($"  gateway adds p50 {gateway50 - direct50:+0.00;-0.00} ms (target ≤ +{P50TargetMs} ms: {Verdict(gateway50 - direct50 <= P50TargetMs)}), " +
                          $"p99 {gateway99 - direct99:+0.00;-0.00} ms (target ≤ +{P99TargetMs} ms: {Verdict(gateway99 - direct99 <= P99TargetMs)})");
        Console.WriteLine($"  noise: per-round difference p50 {Spread(p50Differences)}, p99 {Spread(p99Differences)}");

        Console.WriteLine($"\nSaturation: {callers} callers, closed loop, {saturationDuration.TotalSeconds:0} s per target per round:");
        var ratios = new List<double>();
        var saturationTotals = targets.ToDictionary(t => t.Name, _ => (Requests: 0, Seconds: 0.0));
        for (var round = 1; round <= rounds; round++)
        {
            var runs = new Dictionary<string, ClosedLoopRun>();
            foreach (var (name, send) in InRoundOrder(targets, round))
            {
                runs[name] = await LoadDriver.SaturateAsync(send, callers, saturationDuration);
                var (requests, seconds) = saturationTotals[name];
                saturationTotals[name] = (requests + runs[name].Latencies.Count, seconds + runs[name].Elapsed.TotalSeconds);
            }

            var (d, g) = (runs["direct"], runs["gateway"]);
            ratios.Add(g.PerSecond / d.PerSecond);
            Console.WriteLine(
                $"  round {round}: direct {d.PerSecond,7:N0} req/s (p50 {d.Latencies.Percentile(0.5):F1} ms) | " +
                $"gateway {g.PerSecond,7:N0} req/s (p50 {g.Latencies.Percentile(0.5):F1} ms) | ratio {ratios[^1]:F2}" +
                $"{Failures(d.Latencies, "direct")}{Failures(g.Latencies, "gateway")}");
        }

        var directRate = saturationTotals["direct"].Requests / saturationTotals["direct"].Seconds;
        var gatewayRate = saturationTotals["gateway"].Requests / saturationTotals["gateway"].Seconds;
        Console.WriteLine($"  all rounds: direct {directRate:N0} req/s, gateway {gatewayRate:N0} req/s, " +
                          $"ratio {gatewayRate / directRate:F2} (target ≥ {ThroughputTarget}: {Verdict(gatewayRate / directRate >= ThroughputTarget)}); " +
                          $"noise: per-round ratio {Spread(ratios)}");

        SendRequest Get(HttpClient client) => async cancellationToken =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = await token.HeaderAsync(cancellationToken);
            using var response = await client.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        };
    }

    /// <summary>Odd rounds direct first, even rounds gateway first: neither always runs on a warmer machine.</summary>
    private static IEnumerable<(string Name, SendRequest Send)> InRoundOrder((string Name, SendRequest Send)[] targets, int round) =>
        round % 2 == 1 ? targets : targets.Reverse();

    private static string Late(OpenLoopRun direct, OpenLoopRun gateway) =>
        direct.LateDispatches + gateway.LateDispatches is > 0 and var late ? $" ({late} sent > 5 ms late)" : "";

    private static string Failures(Latencies latencies, string target) =>
        latencies.Statuses.Any(pair => pair.Key != 200) ? $"  [{target} not 200: {latencies.StatusSummary(status => status != 200)}]" : "";

    private static string Spread(List<double> values) => $"{values.Min():F2} to {values.Max():F2}";

    public static string Verdict(bool met) => met ? "met" : "NOT met";
}
