namespace PartyPlatform.Venues.Funding;

public sealed record VenueFundingResponse(Guid VenueId, Guid VillageId, FundingTotals Totals, IReadOnlyList<FundingLineResponse> Lines);
