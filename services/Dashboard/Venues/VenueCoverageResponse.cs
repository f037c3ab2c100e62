using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Venues;

public sealed record VenueCoverageResponse(
    Guid UnitId,
    string UnitName,
    string? UnitCode,
    UnitLevel Level,
    int Villages,
    int VillagesWithVenue,
    decimal CoveragePercent,
    long Version,
    DateTimeOffset OccurredAt)
{
    public static VenueCoverageResponse From(VenueCoverage coverage) => new(
        coverage.UnitId, coverage.UnitName, coverage.UnitCode, coverage.Level, coverage.Villages,
        coverage.VillagesWithVenue, coverage.CoveragePercent, coverage.Version, coverage.OccurredAt);
}
