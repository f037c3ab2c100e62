namespace PartyPlatform.Platform.Benchmark;

/// <summary>What one run of requests gave: each latency in milliseconds, and the count per status.</summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private readonly Dictionary<int, int> statuses = [];

    public int Count
    {
        get { lock (milliseconds) { return milliseconds.Count; } }
    }

    public IReadOnlyDictionary<int, int> Statuses
    {
        get { lock (milliseconds) { return new Dictionary<int, int>(statuses); } }
    }

    /// <summary>Requests not sent at all (<see cref="NotSent"/>): the sender had nothing it could send.</summary>
    public int Skipped { get; private set; }

    /// <summary>A status for a request that was not sent.</summary>
    public const int NotSent = -1;

    /// <summary>Status 0: no answer (a connection error or the client's timeout).</summary>
    public void Add(double elapsedMilliseconds, int status)
    {
        lock (milliseconds)
        {
            if (status == NotSent)
            {
                Skipped++;
                return;
            }

            milliseconds.Add(elapsedMilliseconds);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }
    }

    public void AddRange(Latencies other)
    {
        foreach (var (status, count) in other.Statuses)
        {
            lock (milliseconds)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + count;
            }
        }

        lock (other.milliseconds)
        {
            lock (milliseconds)
            {
                milliseconds.AddRange(other.milliseconds);
            }
        }
    }

    /// <summary>The latency that <paramref name="fraction"/> of requests did not exceed (nearest rank).</summary>
    public double Percentile(double fraction)
    {
        lock (milliseconds)
        {
            if (milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = milliseconds.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    public string StatusSummary(Func<int, bool> counts) =>
        string.Join(", ", Statuses.Where(pair => counts(pair.Key)).OrderBy(pair => pair.Key)
            .Select(pair => $"{(pair.Key == 0 ? "no answer" : pair.Key.ToString())} × {pair.Value}")) is { Length: > 0 } text ? text : "none";
}
