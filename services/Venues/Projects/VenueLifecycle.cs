using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Funding;

namespace PartyPlatform.Venues.Projects;

/// <summary>
/// What follows from a venue's change, wherever it comes from (the API or a ledger import): every
/// version is published (<see cref="VenueChanged"/>), and the city subsidy is owed once a new build is accepted.
/// </summary>
public static class VenueLifecycle
{
    /// <summary>Moves the venue to <paramref name="state"/>, with the subsidy that may follow; the caller publishes.</summary>
    public static void Advance(
        VenuesDb db, Venue venue, VenueState state, DateOnly on, string actor, string? note, CampaignTerms terms, DateTimeOffset now)
    {
        var counted = venue.CountsAsVenue;
        venue.Advance(state, on, actor, note, now, terms.DayOf(now));
        // Owed when the venue first counts (accepted), once: a venue never moves back, and the
        // unique index catches two requests accepting it at once.
        if (!counted && CitySubsidy.For(venue, terms) is { } subsidy)
        {
            db.FundingLines.Add(subsidy);
        }
    }

    /// <summary>A newly planned venue: added, and its first version published.</summary>
    public static void Add(VenuesDb db, Venue venue, DateTimeOffset now)
    {
        db.Venues.Add(venue);
        Publish(db, venue, now);
    }

    /// <summary>Publishes the venue's current version, in the transaction that made it.</summary>
    public static void Publish(VenuesDb db, Venue venue, DateTimeOffset now) => db.PublishOnCommit(venue.ToEvent(now));
}
