using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>
/// Money pledged for the venues under a unit against what has arrived, in yuan; the gap is each
/// pledge's unarrived rest. Zeros, version 0 and no <paramref name="UpdatedAt"/> before Venues published any.
/// </summary>
/// <param name="ArrivedPercent">Arrived of pledged, one decimal; null while nothing is pledged.</param>
public sealed record UnitFundingResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, decimal Pledged, decimal Arrived, decimal Gap, decimal? ArrivedPercent,
    long Version, DateTimeOffset? UpdatedAt)
{
    /// <summary>Under the unit's name and code as the tree copy holds them now.</summary>
    public static UnitFundingResponse From(UnitReplica unit, VenueFunding? funding) => new(
        unit.Id, unit.Name, unit.Code, unit.Level, funding?.Pledged ?? 0, funding?.Arrived ?? 0, funding?.Gap ?? 0,
        funding is { Pledged: > 0 } f ? Math.Round(100m * f.Arrived / f.Pledged, 1) : null, funding?.Version ?? 0, funding?.OccurredAt);
}

/// <summary>A unit's funding, and that of each township or county one level below it.</summary>
public sealed record FundingFiguresResponse(UnitFundingResponse Unit, Page<UnitFundingResponse> Children);
