using PartyPlatform.AdministrativeTree;
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
    /// <summary>The figures as Venues published them, under the unit's name and code as the tree copy holds them now.</summary>
    public static VenueCoverageResponse From(VenueCoverage coverage, UnitReplica unit) => new(
        coverage.UnitId, unit.Name, unit.Code, coverage.Level, coverage.Villages,
        coverage.VillagesWithVenue, coverage.CoveragePercent, coverage.Version, coverage.OccurredAt);
}
