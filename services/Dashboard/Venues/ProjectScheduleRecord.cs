using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>The dashboard's copy of one construction project's schedule state, kept from Venues' events.</summary>
public sealed class ProjectScheduleRecord : IVersionedCopy<ProjectScheduleRecord, ProjectScheduleChanged>
{
    public Guid VenueId { get; private set; }

    public Guid VillageId { get; private set; }

    public bool BehindSchedule { get; private set; }

    public int? LateMilestoneOrder { get; private set; }

    public string? LateMilestone { get; private set; }

    public DateOnly? LateMilestoneDue { get; private set; }

    public DateOnly? BehindSince { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<ProjectScheduleRecord, ProjectScheduleChanged>.EntityId => VenueId;

    public static ProjectScheduleRecord From(ProjectScheduleChanged change)
    {
        var record = new ProjectScheduleRecord { VenueId = change.VenueId };
        record.Apply(change);
        return record;
    }

    public bool Apply(ProjectScheduleChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (VillageId, BehindSchedule, LateMilestoneOrder, LateMilestone, LateMilestoneDue, BehindSince) =
            (change.VillageId, change.BehindSchedule, change.LateMilestoneOrder, change.LateMilestone, change.LateMilestoneDue, change.BehindSince);
        Version = change.Version;
        // PostgreSQL keeps instants in UTC; an event may carry the city's offset.
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
