namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// A township secretary was barred from awards or promotion, or the bar was lifted. Published for every
/// version with the flag's whole state; a consumer keeps the newest per flag. Assessments excludes the
/// secretary's township from the awards while a flag is open. Carries no personal information.
/// </summary>
/// <param name="PostId">The term in which the flag was raised: the secretary in post on the fact's day.</param>
/// <param name="UnitId">The township of that term.</param>
/// <param name="FactId">The fact it came from (Venues' deadline fact id); null for a hand flag.</param>
/// <param name="LiftedOn">The day the bar was lifted; null while it stands.</param>
public sealed record EligibilityFlagChanged(
    Guid FlagId,
    long Version,
    Guid PostId,
    Guid PersonId,
    Guid UnitId,
    EligibilityKind Kind,
    EligibilitySource Source,
    Guid? FactId,
    string Reason,
    DateOnly FlaggedOn,
    DateOnly? LiftedOn,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => FlagId;
}
