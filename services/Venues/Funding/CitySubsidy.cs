using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Funding;

/// <summary>The city's reward subsidy (以奖代补): a fixed amount for each newly built venue that passed acceptance.</summary>
public static class CitySubsidy
{
    /// <summary>The city subsidy line a venue is owed now, or null if it is owed none.</summary>
    public static FundingLine? For(Venue venue, CampaignTerms terms) =>
        venue is { Kind: VenueKind.NewBuild, CountsAsVenue: true } && terms.CitySubsidyPerNewBuild > 0
            ? FundingLine.Pledge(venue.Id, FundingSource.CitySubsidy, null, terms.CitySubsidyPerNewBuild,
                venue.History.First(h => h.State >= VenueState.Accepted).On)
            : null;
}
