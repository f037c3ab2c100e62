namespace PartyPlatform.Assessments.Awards;

/// <summary>One part of a candidate's score: which part of the rule, the fact it came from, and its points.</summary>
public sealed record ScorePart(string Part, string Fact, decimal Points);

/// <summary>A candidate's score, explained by its parts, and every reason that excludes it (none: eligible).</summary>
public sealed record AwardAssessment(IReadOnlyList<ScorePart> Parts, IReadOnlyList<string> Exclusions)
{
    public decimal Score => Parts.Sum(p => p.Points);

    public bool IsEligible => Exclusions.Count == 0;
}
