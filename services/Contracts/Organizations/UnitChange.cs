namespace PartyPlatform.Contracts.Organizations;

public enum UnitChange
{
    Created,
    Renamed,
    Moved,
    Retired,

    /// <summary>Not a change: the current state published again on a <see cref="TreeReplayRequested"/>.</summary>
    Replayed,
}
