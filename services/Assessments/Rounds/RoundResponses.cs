using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Rounds;

public sealed record GradingIndicatorResponse(string Code, string Name, decimal MaxScore);

/// <param name="Organizations">The village Party organisations the round grades, across the city.</param>
public sealed record RoundResponse(
    Guid Id, int Year, DateOnly Deadline, IReadOnlyList<GradingIndicatorResponse> Indicators, int Organizations,
    string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset? ShortfallRecordedAt)
{
    public static RoundResponse From(GradingRound round, int organizations) => new(
        round.Id, round.Year, round.Deadline, round.Indicators.ConvertAll(i => new GradingIndicatorResponse(i.Code, i.Name, i.MaxScore)),
        organizations, round.OpenedBy, round.OpenedAt, round.ShortfallRecordedAt);
}

/// <summary>How far a unit's villages have come in a round.</summary>
/// <param name="Organizations">The round's organisations under the unit, still in service.</param>
/// <param name="NotStarted">No self-assessment entered yet.</param>
/// <param name="SelfAssessed">Entered, awaiting the township's review.</param>
/// <param name="TownshipReviewed">Reviewed, awaiting the county's decision.</param>
/// <param name="Results">Decided by the county (filed or not), per grade.</param>
/// <param name="Filed">Results the city has filed.</param>
public sealed record UnitProgress(
    Guid UnitId, string UnitName, int Organizations, int NotStarted, int SelfAssessed, int TownshipReviewed,
    GradeCounts Results, int Filed)
{
    /// <summary>Organisations without a result yet: not started, self-assessed or reviewed.</summary>
    public int Ungraded => NotStarted + SelfAssessed + TownshipReviewed;
}

/// <param name="DaysLeft">Days from the city's today to the deadline, the deadline itself counted; 0 once it has passed.</param>
/// <param name="DeadlineNear">Within the configured reminder days of the deadline, or past it, with organisations ungraded.</param>
/// <param name="Parts">The same for each unit one level down (a city's counties, a county's townships).</param>
public sealed record RoundProgressResponse(
    Guid RoundId, int Year, DateOnly Deadline, int DaysLeft, bool DeadlineNear, UnitProgress Unit, IReadOnlyList<UnitProgress> Parts);

/// <param name="Step">How far it has come; null when no self-assessment was entered yet.</param>
public sealed record UngradedOrganizationResponse(Guid OrganizationId, string OrganizationCode, string OrganizationName, Guid UnitId, GradingStep? Step);

/// <summary>Results against the previous year's: up (a better grade), down, the same, and new (no result the year before).</summary>
public sealed record GradeChangesResponse(Guid RoundId, int Year, int Up, int Down, int Same, int New, Page<GradeChangeResponse> Changes);

public sealed record GradeChangeResponse(Guid GradingId, Guid OrganizationId, string OrganizationCode, Guid UnitId, Grade Previous, Grade Grade);

public sealed record GradeCounts(int Good, int FairlyGood, int Average, int Poor)
{
    public static GradeCounts Of(IReadOnlyDictionary<Grade, int> counts) => new(
        counts.GetValueOrDefault(Grade.Good), counts.GetValueOrDefault(Grade.FairlyGood), counts.GetValueOrDefault(Grade.Average), counts.GetValueOrDefault(Grade.Poor));
}
