using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Funding;

namespace PartyPlatform.Venues.Projects;

/// <summary>
/// What follows from a venue's move to a new state, wherever the move comes from (the API or a
/// ledger import): the state event, and the city subsidy once a new build is accepted.
/// </summary>
public static class VenueLifecycle
{
    public static void Advance(
        VenuesDb db, Venue venue, VenueState state, DateOnly on, string actor, string? note, CampaignTerms terms, DateTimeOffset now)
    {
        var counted = venue.CountsAsVenue;
        venue.Advance(state, on, actor, note, now, terms.DayOf(now));
        db.PublishOnCommit(venue.ToEvent(now));
        // Owed when the venue first counts (accepted), once: a venue never moves back, and the
        // unique index catches two requests accepting it at once.
        if (!counted && CitySubsidy.For(venue, terms) is { } subsidy)
        {
            db.FundingLines.Add(subsidy);
        }
    }

    /// <summary>A newly planned venue: added, and its state event published.</summary>
    public static void Add(VenuesDb db, Venue venue, DateTimeOffset now)
    {
        db.Venues.Add(venue);
        db.PublishOnCommit(venue.ToEvent(now));
    }
}
