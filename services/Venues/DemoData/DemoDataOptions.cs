namespace PartyPlatform.Venues.DemoData;

/// <summary>The setting the AppHost passes in run mode, as it does to Organizations for the demo city.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Record a baseline, and for some villages a project, for every demo village of the tree copy. Off in production.</summary>
    public bool Load { get; set; }

    /// <summary>Villages recorded in one transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the tree copy is looked at again while the demo city is still arriving by events.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
