namespace PartyPlatform.Dashboard.Live;

/// <summary>What one commit changed in the read model: which kind of figures, at which unit.</summary>
public sealed class FigureChange
{
    public HashSet<(string Kind, Guid UnitId)> Changes { get; } = [];
}

/// <summary>One stream event: the kinds of figures that changed and the units, visible to the caller, whose figures they are.</summary>
/// <param name="UnitIds">Empty when more changed than the stream held back: then something changed anywhere in the caller's units.</param>
public sealed record FigureEvent(IReadOnlyList<string> Kinds, IReadOnlyList<Guid> UnitIds, DateTimeOffset At);
