namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// A service asks Venues to publish its current facts again: every venue's state, every unit's
/// coverage and every deadline shortfall, at their current versions and with their own fact ids,
/// so a consumer that started after they were published catches up and one that holds them
/// changes nothing. Sent to <see cref="Queue"/>, which outlives restarts.
/// </summary>
public sealed record VenueFactsReplayRequested(string RequestedBy, DateTimeOffset RequestedAt)
{
    public const string Queue = "venues-facts-replay";
}
