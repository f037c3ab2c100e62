using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Venues.Standards;

/// <summary>A built venue and where it stands against the standard: null version and score until its first inspection.</summary>
public sealed record VenueScoreResponse(
    Guid VenueId,
    Guid VillageId,
    string VillageName,
    string? VillageCode,
    VenueState State,
    int? ChecklistVersion,
    decimal? Score,
    DateOnly? LastInspectedOn);
