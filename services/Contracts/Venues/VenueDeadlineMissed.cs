using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// The venue deadline passed with this county or township short of full coverage. Published once
/// per unit and deadline; a replay (<see cref="VenueFactsReplayRequested"/>) repeats it with the same
/// <see cref="FactId"/>, so consumers keep it by that id. Assessments deducts from a county;
/// Personnel takes award and promotion eligibility from a township's Party secretary, giving <see cref="Reason"/>.
/// </summary>
public sealed record VenueDeadlineMissed(
    Guid FactId,
    Guid UnitId,
    string UnitName,
    string? UnitCode,
    UnitLevel Level,
    DateOnly Deadline,
    int Villages,
    int VillagesWithVenue,
    decimal CoveragePercent,
    string Reason,
    DateTimeOffset OccurredAt);
