using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Venues.Funding;

/// <summary>The funding of the venues of one county or township.</summary>
public sealed record FundingSummary(Guid UnitId, string Name, string? Code, UnitLevel Level, FundingTotals Totals, CitySubsidyFigures CitySubsidy)
{
    public static FundingSummary Of(UnitReplica unit, IReadOnlyCollection<FundingLine> lines, int acceptedNewBuilds, decimal perNewBuild) =>
        new(unit.Id, unit.Name, unit.Code, unit.Level, FundingTotals.Of(lines), CitySubsidyFigures.Of(acceptedNewBuilds, perNewBuild, lines));
}
