using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Targets;

public sealed record TargetsResponse(decimal GoodShareAtLeast, decimal PoorShareAtMost, string SetBy, DateTimeOffset SetAt, long Version)
{
    public static TargetsResponse From(GradingTarget target) => new(target.GoodShareAtLeast, target.PoorShareAtMost, target.SetBy, target.SetAt, target.Version);
}

/// <summary>A unit's results against its targets.</summary>
/// <param name="OwnTargets">Whether a county set its own; otherwise it is held to the city's.</param>
/// <param name="Results">Organisations with a result (decided by the county, or filed).</param>
/// <param name="GoodShare">好 + 较好 among the results, in percent; null before any result.</param>
/// <param name="PoorShare">较差 among the results, in percent; null before any result.</param>
/// <param name="Met">Whether the results so far meet the targets; null before any result.</param>
/// <param name="BelowTargetGrade">Villages whose result is worse than the grade set for them.</param>
public sealed record UnitTargetProgress(
    Guid UnitId, string UnitName, TargetsResponse Targets, bool OwnTargets, int Organizations, int Results, int GoodOrFairlyGood, int Poor,
    decimal? GoodShare, decimal? PoorShare, bool? Met, int BelowTargetGrade);

/// <param name="City">The city's targets.</param>
/// <param name="Unit">The caller's unit (or the one asked for) against its targets: the city's, or its county's.</param>
/// <param name="Counties">Each county in it against its targets.</param>
public sealed record RoundTargetsResponse(Guid RoundId, int Year, TargetsResponse City, UnitTargetProgress Unit, IReadOnlyList<UnitTargetProgress> Counties);

/// <param name="Grade">The result; null while there is none.</param>
public sealed record VillageTargetResponse(
    Guid OrganizationId, string OrganizationCode, string OrganizationName, Guid UnitId, Grade? TargetGrade, Grade? Grade, GradingStep? Step);
