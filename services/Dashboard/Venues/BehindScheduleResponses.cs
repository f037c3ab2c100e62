using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>A unit's construction projects and those behind schedule, longest late first.</summary>
/// <param name="UpdatedAt">When the newest schedule state under the unit was published: how fresh the figures are; null before any.</param>
public sealed record BehindScheduleResponse(
    Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, int Projects, int BehindSchedule, DateTimeOffset? UpdatedAt,
    Page<BehindScheduleProjectResponse> Behind);

/// <summary>A project behind schedule: where, the earliest milestone it is late on, since when, and how many days late today.</summary>
public sealed record BehindScheduleProjectResponse(
    Guid VenueId, Guid VillageId, string VillageName, string? VillageCode, Guid? TownshipId, string? TownshipName,
    int? LateMilestoneOrder, string? LateMilestone, DateOnly? LateMilestoneDue, DateOnly? BehindSince, int DaysLate, DateTimeOffset OccurredAt);
