using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.WatchList;

public sealed record ClearWatchListEntryRequest(
    [property: Required, StringLength(WatchListLimits.Reason, MinimumLength = 1)] string? Reason);
