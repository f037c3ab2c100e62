using Microsoft.EntityFrameworkCore;
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

    /// <summary>A newly planned venue: added, and its first version and first schedule state published.</summary>
    public static void Add(VenuesDb db, Venue venue, DateOnly today, DateTimeOffset now)
    {
        db.Venues.Add(venue);
        Publish(db, venue, now);
        PublishSchedule(db, venue, today, now);
    }

    /// <summary>Publishes the venue's current version, in the transaction that made it.</summary>
    public static void Publish(VenuesDb db, Venue venue, DateTimeOffset now) => db.PublishOnCommit(venue.ToEvent(now));

    /// <summary>
    /// Within a write's transaction, once its changes are saved: brings the schedule state of each
    /// venue it changed up to date and publishes it if it moved, so that the write that meets a late
    /// milestone puts the project back on schedule. The state is read again first: the save holds
    /// the changed venues' row locks, so the schedule check cannot mark one of them now, but it may
    /// have marked it after the write read it.
    /// </summary>
    public static async Task FollowSchedulesAsync(VenuesDb db, IReadOnlyCollection<Venue> venues, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var ids = venues.Select(v => v.Id).ToArray();
        var stored = await db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.ScheduleVersion, v.LateMilestoneOrder, v.BehindSince })
            .ToDictionaryAsync(v => v.Id, ct);
        foreach (var venue in venues)
        {
            var schedule = stored[venue.Id];
            venue.ScheduleStoredAs(schedule.ScheduleVersion, schedule.LateMilestoneOrder, schedule.BehindSince);
            PublishSchedule(db, venue, today, now);
        }
    }

    /// <summary>Publishes the project's schedule state if it moved on <paramref name="today"/>.</summary>
    public static void PublishSchedule(VenuesDb db, Venue venue, DateOnly today, DateTimeOffset now)
    {
        if (venue.FollowSchedule(today))
        {
            db.PublishOnCommit(venue.ToScheduleEvent(now));
        }
    }
}
