namespace PartyPlatform.Contracts.Surveys;

/// <summary>
/// A service asks Surveys to publish its current facts again, at their current versions, so that a copy that
/// started after they were published catches up and one that holds them changes nothing. Sent to
/// <see cref="Queue"/>, which outlives restarts.
/// </summary>
/// <param name="Held">What the sender's copies hold, per kind: only the kinds it copies whose copy is not current are
/// replayed. Without it (a rebuild asked for by hand) every fact is replayed.</param>
public sealed record SurveysFactsReplayRequested(string RequestedBy, DateTimeOffset RequestedAt, SurveysFactsHeld? Held = null)
{
    public const string Queue = "surveys-facts-replay";
}

/// <summary>A copy's figures per kind of Surveys fact; null for a kind the sender does not copy.</summary>
public sealed record SurveysFactsHeld(
    CopyDigest? OrganizationVisitFigures = null,
    CopyDigest? Problems = null,
    CopyDigest? Campaigns = null,
    CopyDigest? Classifications = null);
