namespace PartyPlatform.Dashboard.Venues;

/// <summary>How many venues are in each state; every state is named, zeros included.</summary>
public sealed record VenueStateCounts(int Planned, int UnderConstruction, int Completed, int Accepted, int InUse);
