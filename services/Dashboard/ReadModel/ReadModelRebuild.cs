namespace PartyPlatform.Dashboard.ReadModel;

/// <summary>
/// The read model emptied on purpose and filled again by its sources' replays: asked for by the city when a copy is in
/// doubt (a bug fixed in a consumer, a restore of this database). Kept, and audited, so that the figures' history shows it.
/// </summary>
public sealed class ReadModelRebuild
{
    private ReadModelRebuild()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The tables emptied.</summary>
    public List<string> Cleared { get; private set; } = [];

    /// <summary>The sources' replay queues asked to publish their current state again.</summary>
    public List<string> ReplaysAsked { get; private set; } = [];

    public static ReadModelRebuild Start(IEnumerable<string> cleared, DateTimeOffset now) => new() { RequestedAt = now, Cleared = [.. cleared] };

    public void Asked(IEnumerable<string> queues) => ReplaysAsked = [.. queues];
}
