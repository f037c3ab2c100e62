namespace PartyPlatform.Venues.Funding;

public sealed record SourceTotals(FundingSource Source, decimal Pledged, decimal Arrived, decimal Gap);
