namespace PartyPlatform.Dashboard.Live;

/// <summary>
/// One open stream's changes not yet sent, merged: bounded, as a stream that cannot keep up is told that something changed
/// rather than every unit.
/// </summary>
public sealed class FigureSubscription(Guid? root, int maxPendingUnits, Action<FigureSubscription> unsubscribe) : IDisposable
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly SortedSet<string> kinds = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> units = [];
    private bool overflowed;

    /// <summary>
    /// Keeps what the caller may see: a unit is visible when the caller's unit is the unit or one of its ancestors; a city-wide
    /// change (<see cref="FigureChange.Everywhere"/>) is everyone's, and its event names no unit.
    /// </summary>
    public void Offer(IEnumerable<(string Kind, Guid UnitId)> changes, IReadOnlyDictionary<Guid, Guid[]> lines)
    {
        lock (gate)
        {
            var grew = false;
            foreach (var (kind, unitId) in changes)
            {
                if (unitId == FigureChange.Everywhere)
                {
                    var newKind = kinds.Add(kind);
                    grew |= newKind || !overflowed;
                    overflowed = true;
                    units.Clear();
                    continue;
                }

                if (!lines.TryGetValue(unitId, out var line))
                {
                    continue;
                }

                if (root is { } own && !line.Contains(own))
                {
                    continue;
                }

                // The unit and its ancestors up to the caller's unit, never above it.
                var visible = root is { } caller ? line.TakeWhile(u => u != caller).Append(caller) : line;
                grew |= kinds.Add(kind);
                foreach (var unit in overflowed ? [] : visible)
                {
                    grew |= units.Add(unit);
                }

                if (units.Count > maxPendingUnits)
                {
                    overflowed = true;
                    units.Clear();
                }
            }

            if (grew && signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
    }

    /// <returns>false when nothing changed within <paramref name="timeout"/>.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    /// <summary>What changed since the last event, or null when nothing did.</summary>
    public FigureEvent? Take(DateTimeOffset at)
    {
        lock (gate)
        {
            if (kinds.Count == 0)
            {
                return null;
            }

            var change = new FigureEvent([.. kinds], [.. units.Order()], at);
            overflowed = false;
            kinds.Clear();
            units.Clear();
            return change;
        }
    }

    public void Dispose() => unsubscribe(this);
}
