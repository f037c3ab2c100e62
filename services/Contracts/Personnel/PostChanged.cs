namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// A term in a post began or ended. Published for every version with the term's whole state; a consumer
/// keeps the newest per post. Carries no personal information (no ID number, no phone, no name).
/// </summary>
/// <param name="End">The first day out of post; null while the term runs.</param>
public sealed record PostChanged(
    Guid PostId,
    long Version,
    Guid PersonId,
    Guid UnitId,
    PostKind Kind,
    DateOnly Start,
    DateOnly? End,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => PostId;
}
