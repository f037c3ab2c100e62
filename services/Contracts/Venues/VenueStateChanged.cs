namespace PartyPlatform.Contracts.Venues;

/// <summary>A village's venue moved to another state of its life (e.g. completed, accepted), with its whole state.</summary>
public sealed record VenueStateChanged(
    Guid VenueId,
    long Version,
    Guid VillageId,
    VenueKind Kind,
    VenueState State,
    DateOnly StateDate,
    decimal FloorArea,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => VenueId;
}
