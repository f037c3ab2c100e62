using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Standards;

/// <summary>When a venue can be inspected, and which inspection gives the venue its standing score.</summary>
public static class InspectionRules
{
    /// <summary>A venue is inspected against the standard once it is built: completed or later.</summary>
    public static readonly VenueState[] InspectableStates = [.. Enum.GetValues<VenueState>().Where(s => s >= VenueState.Completed)];

    public static void CheckCanInspect(Venue venue, DateOnly inspectedOn, DateOnly today)
    {
        if (inspectedOn > today)
        {
            throw new RuleViolationException("inspectedOn", $"{inspectedOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        }

        // States may be skipped, so the venue was built on the first day it reached Completed or a later state.
        if (venue.History.FirstOrDefault(h => h.State >= VenueState.Completed) is not { } completed)
        {
            throw new RuleViolationException("venueId", $"The venue is {venue.State}; only a completed venue can be inspected.");
        }

        if (inspectedOn < completed.On)
        {
            throw new RuleViolationException("inspectedOn", $"{inspectedOn:yyyy-MM-dd} is before the venue was completed on {completed.On:yyyy-MM-dd}.");
        }
    }

    /// <summary>
    /// The venue keeps the score of its latest inspection by day: one entered late for an earlier day
    /// does not replace it, and a second one on the same day does (it was recorded later).
    /// </summary>
    public static bool UpdatesVenue(DateOnly inspectedOn, DateOnly? latestInspectedOn) =>
        latestInspectedOn is not { } latest || inspectedOn >= latest;
}
