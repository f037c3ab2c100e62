using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// The venue coverage of a rural village, township, county or city changed: how many of its villages
/// have a usable activity venue now (for a village: one of one, or none of one). Published whenever one of the three figures moves; <see cref="Version"/>
/// grows per unit, so a consumer keeps the newest.
/// </summary>
public sealed record VenueCoverageChanged(
    Guid UnitId,
    long Version,
    string UnitName,
    string? UnitCode,
    UnitLevel Level,
    int Villages,
    int VillagesWithVenue,
    decimal CoveragePercent,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => UnitId;
}
