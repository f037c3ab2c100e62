using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// The venue funding of a township, county or city moved: the money pledged for its villages'
/// venues, what of it has arrived, and the gap (each line's unarrived rest; money beyond one pledge
/// does not make up for another). In yuan, every source together; no contributor is named.
/// <see cref="Version"/> grows per unit, so a consumer keeps the newest.
/// </summary>
public sealed record VenueFundingChanged(
    Guid UnitId,
    long Version,
    string UnitName,
    string? UnitCode,
    UnitLevel Level,
    decimal Pledged,
    decimal Arrived,
    decimal Gap,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => UnitId;
}
