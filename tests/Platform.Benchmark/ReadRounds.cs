namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// One GET through the gateway at a fixed rate: a 5-second warm-up not counted, then <c>rounds</c> rounds, each printed
/// with p50, p95 and p99 (and any answer other than 200), and all rounds together.
/// </summary>
public static class ReadRounds
{
    /// <returns>The latencies of all rounds.</returns>
    public static async Task<Latencies> RunAsync(HttpClient gateway, TokenSource token, string path, int rate, TimeSpan duration, int rounds)
    {
        var send = Get(gateway, token, path);
        await LoadDriver.FixedRateAsync(send, rate, TimeSpan.FromSeconds(5));
        var all = new Latencies();
        for (var round = 1; round <= rounds; round++)
        {
            var run = await LoadDriver.FixedRateAsync(send, rate, duration);
            all.AddRange(run.Latencies);
            Console.WriteLine($"  round {round}: {rate} requests/s for {duration.TotalSeconds:0} s: p50 {run.Latencies.Percentile(0.50):F2} ms, " +
                              $"p95 {run.Latencies.Percentile(0.95):F2} ms, p99 {run.Latencies.Percentile(0.99):F2} ms" +
                              (run.Latencies.Statuses.Any(s => s.Key != 200) ? $"  [not 200: {run.Latencies.StatusSummary(s => s != 200)}]" : ""));
        }

        Console.WriteLine($"  all rounds: p50 {all.Percentile(0.50):F2} ms, p95 {all.Percentile(0.95):F2} ms");
        return all;
    }

    private static SendRequest Get(HttpClient gateway, TokenSource token, string path) => async cancellationToken =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = await token.HeaderAsync(cancellationToken);
        using var response = await gateway.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    };
}
