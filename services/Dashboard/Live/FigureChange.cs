namespace PartyPlatform.Dashboard.Live;

/// <summary>What one commit changed in the read model: which kind of figures, at which unit.</summary>
public sealed class FigureChange
{
    /// <summary>
    /// The unit of a change that has none because it is city-wide (the venue campaign's terms, shown on every unit's 清零
    /// countdown): every open stream hears of it, whatever its caller's scope, as a change anywhere in the caller's units.
    /// </summary>
    public static readonly Guid Everywhere = Guid.Empty;

    public HashSet<(string Kind, Guid UnitId)> Changes { get; } = [];
}

/// <summary>One stream event: the kinds of figures that changed and the units, visible to the caller, whose figures they are.</summary>
/// <param name="UnitIds">
/// Empty when more changed than the stream held back, or something city-wide changed: then something changed anywhere in the caller's units.
/// </param>
public sealed record FigureEvent(IReadOnlyList<string> Kinds, IReadOnlyList<Guid> UnitIds, DateTimeOffset At);
