namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// A service asks Venues to publish its current facts again: every venue's state and schedule, every
/// unit's coverage and funding, the campaign terms and every deadline shortfall, at their current versions and with their own fact ids,
/// so a consumer that started after they were published catches up and one that holds them
/// changes nothing. Sent to <see cref="Queue"/>, which outlives restarts.
/// </summary>
/// <param name="Held">What the sender's copies hold, when it says: only the kinds whose copy is not
/// current are replayed. Without it (a rebuild asked for by hand) every fact is replayed.</param>
public sealed record VenueFactsReplayRequested(string RequestedBy, DateTimeOffset RequestedAt, VenueFactsHeld? Held = null)
{
    public const string Queue = "venues-facts-replay";
}

/// <summary>
/// A copy's figures per kind of venue fact (<see cref="CopyDigest"/>); deadline shortfalls have no versions.
/// A kind left null is one the sender does not copy: it is not replayed.
/// </summary>
public sealed record VenueFactsHeld(
    CopyDigest Venues,
    CopyDigest Coverage,
    CopyDigest DeadlineShortfalls,
    CopyDigest? Schedules = null,
    CopyDigest? Funding = null,
    CopyDigest? Campaign = null);
