namespace PartyPlatform.Assessments.Awards;

/// <summary>A township, village or wealth leader on a list's candidates, with its assessment.</summary>
/// <param name="UnitId">The township or village; a wealth leader's unit, and <paramref name="UnitCode"/> and <paramref name="UnitName"/> its.</param>
/// <param name="OrganizationId">A village's Party organisation, which the round grades.</param>
/// <param name="PersonId">A wealth leader (Personnel's person id).</param>
/// <param name="TieBreak">Orders candidates of equal score: a unit's code; a wealth leader's Party joining day (the longer
/// a member, the earlier), then their id.</param>
public sealed record AwardCandidate(
    Guid UnitId, string? UnitCode, string UnitName, Guid? OrganizationId, Guid? PersonId, string TieBreak, AwardAssessment Assessment)
{
    /// <summary>The id the city confirms the candidate by: the person for a wealth leader, else the unit.</summary>
    public Guid EntryId => PersonId ?? UnitId;
}

/// <param name="Rank">The place among the eligible, from 1; null for the excluded.</param>
public sealed record RankedCandidate(int? Rank, AwardCandidate Candidate);

public static class AwardRanking
{
    /// <summary>The eligible by score, best first, then the tie-break, ranked from 1; then the excluded, unranked, the same way.</summary>
    public static List<RankedCandidate> Rank(IEnumerable<AwardCandidate> candidates)
    {
        var rank = 0;
        return candidates
            .OrderByDescending(c => c.Assessment.IsEligible).ThenByDescending(c => c.Assessment.Score).ThenBy(c => c.TieBreak, StringComparer.Ordinal)
            .Select(c => new RankedCandidate(c.Assessment.IsEligible ? ++rank : null, c)).ToList();
    }
}
