using System.Diagnostics;

namespace PartyPlatform.Platform.Benchmark;

/// <summary>One request: sends it and answers its status (0 when no answer came).</summary>
public delegate Task<int> SendRequest(CancellationToken cancellationToken);

/// <summary>
/// Our own load generator, so the benchmark needs nothing beyond .NET. Open loop: requests start on a
/// fixed schedule whatever the answers do, as independent callers would send them. Closed loop: a
/// fixed number of callers each send the next request as soon as the last one answered, which finds
/// the most the target serves.
/// </summary>
public static class LoadDriver
{
    /// <summary>The handler every target is called through: pooled connections kept for the whole run.</summary>
    public static HttpClient Client(Uri baseAddress, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = int.MaxValue,
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        { BaseAddress = baseAddress, Timeout = timeout };

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="duration"/>. Each
    /// latency is measured from the request's start; <see cref="OpenLoopRun.LateDispatches"/> counts the
    /// requests the scheduler started more than 5 ms after their time (a busy machine).</summary>
    public static async Task<OpenLoopRun> FixedRateAsync(SendRequest send, double rate, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var latencies = new Latencies();
        var count = (int)(rate * duration.TotalSeconds);
        var pending = new List<Task>(count);
        var lateDispatches = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / rate);
            var ahead = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (ahead > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(ahead, cancellationToken);
            }
            else if (ahead < TimeSpan.FromMilliseconds(-5))
            {
                lateDispatches++;
            }

            pending.Add(MeasureAsync(send, latencies, cancellationToken));
        }

        await Task.WhenAll(pending);
        return new OpenLoopRun(latencies, Stopwatch.GetElapsedTime(start), lateDispatches);
    }

    /// <summary><paramref name="callers"/> callers, each sending its next request when the last answered.</summary>
    public static async Task<ClosedLoopRun> SaturateAsync(SendRequest send, int callers, TimeSpan duration)
    {
        var latencies = new Latencies();
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                await MeasureAsync(send, latencies, CancellationToken.None);
            }
        })));
        return new ClosedLoopRun(latencies, Stopwatch.GetElapsedTime(start));
    }

    private static async Task MeasureAsync(SendRequest send, Latencies latencies, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            status = await send(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
        }

        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, status);
    }
}

public sealed record OpenLoopRun(Latencies Latencies, TimeSpan Elapsed, int LateDispatches);

public sealed record ClosedLoopRun(Latencies Latencies, TimeSpan Elapsed)
{
    public double PerSecond => Latencies.Count / Elapsed.TotalSeconds;
}
