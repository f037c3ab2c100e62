namespace PartyPlatform.Platform.Benchmark;

/// <summary>
/// Samples one resource's working set (its processes' VmRSS summed) every 100 ms in the background, and keeps the
/// highest seen since the last <see cref="Restart"/>: the peak of each phase of a run, to show whether memory stays flat.
/// </summary>
public sealed class WorkingSetSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlyList<int> processes;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peak;

    private WorkingSetSampler(IReadOnlyList<int> processes)
    {
        this.processes = processes;
        sampling = Task.Run(SampleAsync);
    }

    /// <summary>Null when the resource's processes cannot be found (a running platform without <c>--apphost-pid</c>).</summary>
    public static WorkingSetSampler? Start(int? root, string resource) =>
        root is { } pid && PlatformProcesses.ProcessesOf(pid, resource) is { Count: > 0 } processes ? new WorkingSetSampler(processes) : null;

    public long Current => processes.Sum(PlatformProcesses.WorkingSetBytes);

    /// <summary>The kernel's own peak since each process started (VmHWM), which a 100 ms sample could miss.</summary>
    public long PeakSinceStart => processes.Sum(PlatformProcesses.PeakWorkingSetBytes);

    /// <returns>The working set now; the peak counts from here.</returns>
    public long Restart()
    {
        var now = Current;
        Interlocked.Exchange(ref peak, now);
        return now;
    }

    public long Peak => Math.Max(Interlocked.Read(ref peak), Current);

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var now = Current;
                long seen;
                do
                {
                    seen = Interlocked.Read(ref peak);
                }
                while (now > seen && Interlocked.CompareExchange(ref peak, now, seen) != seen);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
