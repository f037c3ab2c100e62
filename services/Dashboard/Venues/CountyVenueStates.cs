namespace PartyPlatform.Dashboard.Venues;

/// <summary>One county's row of the venue figures: its venues by state and kind, and their floor area in m².</summary>
public sealed record CountyVenueStates(
    Guid CountyId,
    string County,
    string? Code,
    int Venues,
    VenueStateCounts States,
    int NewBuilds,
    int Renovations,
    decimal FloorArea);
