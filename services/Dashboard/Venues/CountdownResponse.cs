using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>
/// The 清零 countdown of a township, county or the city: days left to the venue deadline (from the
/// city's today; 0 once it is here) and the villages still without a venue. Before Venues published
/// its terms the deadline fields are null; before any coverage, the village counts are zero.
/// </summary>
/// <param name="TermsUpdatedAt">When the campaign terms were published, and <paramref name="CoverageUpdatedAt"/> the unit's coverage: how fresh each part is.</param>
public sealed record CountdownResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level,
    DateOnly? Deadline, DateTimeOffset? DeadlinePassesAt, int? DaysLeft, bool DeadlinePassed,
    int Villages, int VillagesWithVenue, int VillagesWithoutVenue, decimal? CoveragePercent,
    DateTimeOffset? TermsUpdatedAt, DateTimeOffset? CoverageUpdatedAt);
