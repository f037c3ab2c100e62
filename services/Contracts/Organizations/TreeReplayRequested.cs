namespace PartyPlatform.Contracts.Organizations;

/// <summary>
/// A service asks Organizations to publish every unit's current state again. A copy of the tree
/// misses the events published while its queue did not exist yet (a service added later, or one
/// that started after the demo city was loaded); replayed events carry the same versions, so
/// copies that already hold them ignore them. Sent to <see cref="Queue"/>, which outlives restarts.
/// </summary>
/// <param name="Held">What the sender's copy holds, when it says: a copy that is current gets no
/// replay. Without it (a rebuild asked for by hand) the whole tree is replayed.</param>
public sealed record TreeReplayRequested(string RequestedBy, DateTimeOffset RequestedAt, CopyDigest? Held = null)
{
    public const string Queue = "organizations-tree-replay";
}
