using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Venues.Funding;

/// <param name="Arrived">The total arrived so far, not this instalment.</param>
/// <param name="Version">The line's version the caller read; if given and no longer current, 409.</param>
public sealed record RecordArrivalRequest(
    [property: Required, Range(typeof(decimal), "0", FundingLine.MaxAmount)] decimal? Arrived,
    [property: Required] DateOnly? ArrivedOn,
    [property: StringLength(500)] string? Reason = null,
    long? Version = null);
