namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// A service asks Assessments to publish its current facts again, at their current versions, so that a copy that
/// started after they were published catches up and one that holds them changes nothing. Sent to
/// <see cref="Queue"/>, which outlives restarts.
/// </summary>
/// <param name="Held">What the sender's copies hold, per kind: only the kinds it copies whose copy is not current are
/// replayed. Without it (a rebuild asked for by hand) every fact is replayed.</param>
public sealed record AssessmentsFactsReplayRequested(string RequestedBy, DateTimeOffset RequestedAt, AssessmentsFactsHeld? Held = null)
{
    public const string Queue = "assessments-facts-replay";
}

/// <summary>A copy's figures per kind of Assessments fact; null for a kind the sender does not copy.</summary>
/// <param name="DeadlineShortfalls">Facts without versions: the count matters, the version sum is 0.</param>
/// <param name="CountyScores">The county assessment's scores; <paramref name="AwardLists"/> the confirmed award lists. Both
/// null by default, so a sender built before them still asks as it did.</param>
public sealed record AssessmentsFactsHeld(
    CopyDigest? Gradings = null, CopyDigest? DeadlineShortfalls = null, CopyDigest? Targets = null, CopyDigest? CountyScores = null,
    CopyDigest? AwardLists = null);
