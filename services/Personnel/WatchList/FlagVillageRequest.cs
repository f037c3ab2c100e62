using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.WatchList;

/// <param name="UnitId">A village or community in service.</param>
public sealed record FlagVillageRequest(
    [property: Required] Guid? UnitId,
    [property: Required] WatchListKind? Kind,
    [property: Required, StringLength(WatchListLimits.Reason, MinimumLength = 1)] string? Reason);
