namespace PartyPlatform.Venues.Standards;

/// <summary>Per county: built venues, how many were inspected, and their average score (null when none was).</summary>
public sealed record CountyScoreResponse(
    Guid CountyId, string CountyName, string? CountyCode, int BuiltVenues, int InspectedVenues, decimal? AverageScore);
