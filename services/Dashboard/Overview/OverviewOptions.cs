using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Dashboard.Overview;

public sealed class OverviewOptions
{
    public const string Section = "Dashboard:Overview";

    /// <summary>
    /// How long an overview answer is kept for the same caller scope and unit while no figure changes. Any commit to the read
    /// model makes every kept answer stale at once; this bounds only how long an unused one takes memory.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(5);
}
