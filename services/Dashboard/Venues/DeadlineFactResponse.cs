using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Venues;

public sealed record DeadlineFactResponse(
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
    DateTimeOffset OccurredAt)
{
    public static DeadlineFactResponse From(DeadlineFact fact) => new(
        fact.FactId, fact.UnitId, fact.UnitName, fact.UnitCode, fact.Level, fact.Deadline, fact.Villages,
        fact.VillagesWithVenue, fact.CoveragePercent, fact.Reason, fact.OccurredAt);
}
