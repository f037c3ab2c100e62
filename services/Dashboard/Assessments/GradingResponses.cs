using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Assessments;

public sealed record GradeCountsResponse(int Good, int FairlyGood, int Average, int Poor);

public sealed record GradingTargetsResponse(decimal GoodShareAtLeast, decimal PoorShareAtMost, bool OwnTargets);

/// <summary>A unit's grading distribution in a year against its targets.</summary>
/// <param name="InProgress">Gradings entered but not decided by the county yet.</param>
/// <param name="Results">Decided by the county, or filed, per grade.</param>
/// <param name="GoodShare">好 + 较好 among the results, in percent; null before any result.</param>
/// <param name="PoorShare">较差 among the results, in percent; null before any result.</param>
/// <param name="Targets">The county's own targets, else the city's; null before Assessments published any.</param>
/// <param name="Met">Whether the results meet the targets; null before any result or target.</param>
/// <param name="UpdatedAt">The newest fact behind these figures; null when there is none.</param>
public sealed record UnitGradingFiguresResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, int InProgress, GradeCountsResponse Results, decimal? GoodShare, decimal? PoorShare,
    GradingTargetsResponse? Targets, bool? Met, DateTimeOffset? UpdatedAt);

/// <param name="Year">The round's year: the one asked for, else the newest held; null before any grading.</param>
public sealed record GradingFiguresResponse(int? Year, UnitGradingFiguresResponse Unit, Page<UnitGradingFiguresResponse> Children);

/// <param name="Year">The assessment's year: the one asked for, else the newest held; null before any score.</param>
/// <param name="Counties">The counties the caller may see (all for the city; a county's own for it and the units in it), by rank.</param>
public sealed record CountyRankingResponse(int? Year, IReadOnlyList<CountyRankResponse> Counties);

/// <param name="Rank">1 for the highest total; equal totals share a rank, among <paramref name="Ranked"/> counties.</param>
/// <param name="UpdatedAt">When Assessments computed this score: how fresh it is.</param>
public sealed record CountyRankResponse(Guid CountyId, string CountyName, decimal Total, int Rank, int Ranked, decimal Deducted, DateTimeOffset UpdatedAt);
