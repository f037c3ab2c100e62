namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// A village's venue changed: planned, described, moved to another state of its life, a milestone
/// done, progress reported or inspected. Published for every version, with the venue's whole state
/// as other services copy it; <see cref="Version"/> grows per venue, so a consumer keeps the newest.
/// </summary>
/// <param name="StateDate">The day the venue reached <see cref="State"/>.</param>
/// <param name="ChecklistVersion">The checklist version of its latest inspection, and <see cref="StandardScore"/> the score (0 to 100) it got; null before any.</param>
public sealed record VenueChanged(
    Guid VenueId,
    long Version,
    Guid VillageId,
    VenueKind Kind,
    VenueState State,
    DateOnly StateDate,
    decimal FloorArea,
    int? ChecklistVersion,
    decimal? StandardScore,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => VenueId;
}
