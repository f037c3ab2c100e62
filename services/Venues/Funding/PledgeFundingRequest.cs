using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Venues.Funding;

/// <summary>A pledge, and optionally what of it has already arrived.</summary>
public sealed record PledgeFundingRequest(
    [property: Required] FundingSource? Source,
    [property: StringLength(200)] string? Contributor,
    [property: Required, Range(typeof(decimal), "0", FundingLine.MaxAmount)] decimal? Pledged,
    [property: Required] DateOnly? PledgedOn,
    [property: Range(typeof(decimal), "0", FundingLine.MaxAmount)] decimal? Arrived = null,
    DateOnly? ArrivedOn = null,
    [property: StringLength(500)] string? Reason = null)
{
    public FundingLine ToLine(Guid venueId, DateOnly today)
    {
        var line = FundingEntry.Pledge(venueId, Source!.Value, Contributor, Pledged!.Value, PledgedOn!.Value, today);
        if (Arrived is null && (ArrivedOn is not null || !string.IsNullOrWhiteSpace(Reason)))
        {
            throw new RuleViolationException("arrived", "Give the amount that arrived, or leave out its date and reason.");
        }

        if (Arrived is { } arrived)
        {
            FundingEntry.RecordArrival(
                line, arrived, ArrivedOn ?? throw new RuleViolationException("arrivedOn", "Give the date the money arrived."), Reason, today);
        }

        return line;
    }
}
