namespace PartyPlatform.Venues.Funding;

public sealed record FundingLineResponse(
    Guid Id, Guid VenueId, FundingSource Source, string? Contributor, decimal Pledged, DateOnly PledgedOn,
    decimal Arrived, DateOnly? ArrivedOn, string? Reason, decimal Gap, long Version)
{
    public static FundingLineResponse From(FundingLine l) =>
        new(l.Id, l.VenueId, l.Source, l.Contributor, l.Pledged, l.PledgedOn, l.Arrived, l.ArrivedOn, l.Reason, l.Gap, l.Version);
}
