namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// The targets of a grading round for the city or for one county changed: the share of 好 and 较好 results at least,
/// the share of 较差 at most, in percent. Carries the whole state; a consumer keeps the newest version per target.
/// A county's targets are never looser than the city's.
/// </summary>
/// <param name="UnitId">The city, or the county that set its own.</param>
public sealed record GradingTargetsChanged(
    Guid TargetId,
    long Version,
    Guid RoundId,
    int Year,
    Guid UnitId,
    decimal GoodShareAtLeast,
    decimal PoorShareAtMost,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => TargetId;
}
