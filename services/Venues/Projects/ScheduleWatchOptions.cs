namespace PartyPlatform.Venues.Projects;

public sealed class ScheduleWatchOptions
{
    public const string Section = "Venues:ScheduleWatch";

    /// <summary>How often the projects' milestones are checked against the city's day.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
