namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// A county's score in the year's target-responsibility assessment (基层组织建设目标责任考核) or its place in the ranking
/// changed: from an entered score, a changed indicator set, or a fact of another service it is derived from. Carries the
/// whole explained score; <see cref="Version"/> grows per county and year, so a consumer keeps the newest.
/// </summary>
/// <param name="Rank">1 for the highest total; counties with equal totals share a rank.</param>
/// <param name="Total">The indicators' points less the deductions, never below 0.</param>
public sealed record CountyScoreChanged(
    Guid ScoreId,
    long Version,
    int Year,
    Guid CountyId,
    string CountyName,
    decimal Total,
    int Rank,
    int Counties,
    IReadOnlyList<IndicatorScoreFact> Indicators,
    IReadOnlyList<DeductionFact> Deductions,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => ScoreId;
}

/// <param name="Basis">How the points were reached, for the reader (e.g. "活动场所覆盖率92.5%").</param>
public sealed record IndicatorScoreFact(string Code, string Name, decimal Weight, decimal Points, string Basis);

/// <param name="FactId">The fact the deduction came from (a venue or grading deadline missed).</param>
public sealed record DeductionFact(string Rule, decimal Points, string Reason, Guid FactId);
