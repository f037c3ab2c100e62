namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// A venue's construction project went behind schedule or back on it. Venues' schedule watch
/// publishes it when a milestone's planned day passes unmet, with no write involved; the write that
/// meets the milestone publishes it again. <see cref="Version"/> grows per project (its venue), so a
/// consumer keeps the newest.
/// </summary>
/// <param name="LateMilestoneOrder">The earliest milestone that is late, its name and planned day; null on schedule.</param>
/// <param name="BehindSince">The first day the project was behind: the day after <see cref="LateMilestoneDue"/>.</param>
public sealed record ProjectScheduleChanged(
    Guid VenueId,
    long Version,
    Guid VillageId,
    bool BehindSchedule,
    int? LateMilestoneOrder,
    string? LateMilestone,
    DateOnly? LateMilestoneDue,
    DateOnly? BehindSince,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => VenueId;
}
