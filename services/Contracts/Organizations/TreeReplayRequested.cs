namespace PartyPlatform.Contracts.Organizations;

/// <summary>
/// A service asks Organizations to publish every unit's current state again, and every Party
/// organisation's when it copies them. A copy of the tree misses the events published while its
/// queue did not exist yet (a service added later, or one that started after the demo city was
/// loaded); replayed events carry the same versions, so copies that already hold them ignore them.
/// Sent to <see cref="Queue"/>, which outlives restarts.
/// </summary>
/// <param name="Held">What the sender's copy of the units holds, when it says: a copy that is current gets no
/// replay of units. Without it (a rebuild asked for by hand) the whole tree is replayed.</param>
/// <param name="PartyOrganizations">What the sender's copy of the Party organisations holds; null when it does not
/// copy them, and then none are replayed on its account. A request without any figures replays everything.</param>
public sealed record TreeReplayRequested(
    string RequestedBy, DateTimeOffset RequestedAt, CopyDigest? Held = null, CopyDigest? PartyOrganizations = null)
{
    public const string Queue = "organizations-tree-replay";
}
