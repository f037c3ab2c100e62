namespace PartyPlatform.Venues.Deadline;

public sealed class DeadlineWatchOptions
{
    public const string Section = "Venues:DeadlineWatch";

    /// <summary>How often the deadline is checked; it is data the city may move, so it is re-read every time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
