using Microsoft.EntityFrameworkCore;
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
    public static async Task AdvanceAsync(
        VenuesDb db, Venue venue, VenueState state, DateOnly on, string actor, string? note, CampaignTerms terms, DateTimeOffset now, CancellationToken ct)
    {
        venue.Advance(state, on, actor, note, now, terms.DayOf(now));
        db.PublishOnCommit(venue.ToEvent(now));
        // Local too: an import may take a new build through Accepted and InUse before it saves.
        if (CitySubsidy.For(venue, terms) is { } subsidy
            && !db.FundingLines.Local.Any(l => l.VenueId == venue.Id && l.Source == FundingSource.CitySubsidy)
            && (db.Entry(venue).State == EntityState.Added
                || !await db.FundingLines.AnyAsync(l => l.VenueId == venue.Id && l.Source == FundingSource.CitySubsidy, ct)))
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
