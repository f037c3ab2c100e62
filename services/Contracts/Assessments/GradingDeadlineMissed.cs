namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// A grading round's deadline passed with village Party organisations of this county still without a result.
/// Published once per round and county; a replay repeats it with the same <see cref="FactId"/>, so consumers keep
/// it by that id.
/// </summary>
/// <param name="Organizations">The round's organisations in the county, still in service.</param>
/// <param name="Ungraded">Those of them without a result (not decided by the county) on the deadline.</param>
public sealed record GradingDeadlineMissed(
    Guid FactId,
    Guid RoundId,
    int Year,
    Guid CountyId,
    string CountyName,
    DateOnly Deadline,
    int Organizations,
    int Ungraded,
    DateTimeOffset OccurredAt);
