using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Venues.Projects;

public sealed record MilestoneResponse(int Order, string Name, DateOnly PlannedStart, DateOnly PlannedDue, DateOnly? CompletedOn, VenueState? ReachedWith, bool Late);

public sealed record StateChangeResponse(VenueState State, DateOnly On, string Actor, DateTimeOffset RecordedAt, string? Note);

public sealed record ProgressReportResponse(int Sequence, DateOnly On, int PercentComplete, string Note, string Reporter, DateTimeOffset RecordedAt);

public sealed record VenueSummary(
    Guid Id, Guid VillageId, VenueKind Kind, decimal FloorArea, VenueState State, DateOnly StateDate, bool BehindSchedule,
    int? ChecklistVersion, decimal? StandardScore, long Version)
{
    public static VenueSummary From(Venue venue, DateOnly today) => new(
        venue.Id, venue.VillageId, venue.Kind, venue.FloorArea, venue.State, venue.StateDate, venue.IsBehindSchedule(today),
        venue.ChecklistVersion, venue.StandardScore, venue.Version);
}

public sealed record VenueResponse(
    Guid Id, Guid VillageId, VenueKind Kind, decimal FloorArea, IReadOnlyList<VenueFunction> Functions, IReadOnlyList<IntegratedRoom> Rooms,
    VenueState State, bool BehindSchedule, IReadOnlyList<StateChangeResponse> History, IReadOnlyList<MilestoneResponse> Milestones,
    IReadOnlyList<ProgressReportResponse> Progress, int? ChecklistVersion, decimal? StandardScore, long Version)
{
    public static VenueResponse From(Venue venue, DateOnly today) => new(
        venue.Id, venue.VillageId, venue.Kind, venue.FloorArea, venue.Functions, venue.Rooms, venue.State, venue.IsBehindSchedule(today),
        venue.History.ConvertAll(h => new StateChangeResponse(h.State, h.On, h.Actor, h.RecordedAt, h.Note)),
        venue.Milestones.OrderBy(m => m.Order).Select(m => new MilestoneResponse(m.Order, m.Name, m.PlannedStart, m.PlannedDue, m.CompletedOn, m.ReachedWith, m.IsLate(today))).ToList(),
        venue.Progress.OrderBy(p => p.Sequence).Select(p => new ProgressReportResponse(p.Sequence, p.On, p.PercentComplete, p.Note, p.Reporter, p.RecordedAt)).ToList(),
        venue.ChecklistVersion, venue.StandardScore, venue.Version);
}

/// <summary>A project behind schedule, with where it is and which milestones are late.</summary>
public sealed record BehindScheduleProject(
    Guid VenueId, Guid VillageId, string Village, Guid? TownshipId, string? Township, Guid? CountyId, string? County, VenueState State,
    IReadOnlyList<MilestoneResponse> LateMilestones);

/// <summary>Projects and projects behind schedule in one county or township.</summary>
public sealed record BehindScheduleFigures(Guid UnitId, string Name, string? Code, int Projects, int BehindSchedule);
