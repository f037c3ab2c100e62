using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Venues.Projects;

/// <summary>One step of a construction project, with the dates it was scheduled for (倒排工期).</summary>
public sealed class Milestone
{
    public int Order { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly PlannedStart { get; private set; }

    public DateOnly PlannedDue { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The venue state that completes this milestone by itself, if any.</summary>
    public VenueState? ReachedWith { get; private set; }

    public static Milestone Planned(int order, string name, DateOnly start, DateOnly due, VenueState? reachedWith) =>
        new() { Order = order, Name = name, PlannedStart = start, PlannedDue = due, ReachedWith = reachedWith };

    /// <summary>Late: not completed and its due day is over.</summary>
    public bool IsLate(DateOnly today) => CompletedOn is null && today > PlannedDue;

    internal void Complete(DateOnly on) => CompletedOn ??= on;
}
