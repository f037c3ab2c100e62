namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// A service asks Personnel to publish its current facts again, at their current versions, so that a copy
/// that started after they were published catches up and one that holds them changes nothing. Sent to
/// <see cref="Queue"/>, which outlives restarts.
/// </summary>
/// <param name="Held">What the sender's copies hold, per kind: only the kinds it copies (a digest) whose copy
/// is not current are replayed. Without it (a rebuild asked for by hand) every fact is replayed.</param>
public sealed record PersonnelFactsReplayRequested(string RequestedBy, DateTimeOffset RequestedAt, PersonnelFactsHeld? Held = null)
{
    public const string Queue = "personnel-facts-replay";
}

/// <summary>A copy's figures per kind of Personnel fact; null for a kind the sender does not copy.</summary>
public sealed record PersonnelFactsHeld(
    CopyDigest? Posts = null,
    CopyDigest? EligibilityFlags = null,
    CopyDigest? WatchList = null,
    CopyDigest? GraduateOfficials = null,
    CopyDigest? Profiles = null,
    CopyDigest? WealthLeaders = null,
    CopyDigest? VillageLeaders = null);
