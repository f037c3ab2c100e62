using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Dashboard.Live;

public sealed class StreamOptions
{
    public const string Section = "Dashboard:Stream";

    /// <summary>At most one event per stream per window, merging what changed in it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment line this often keeps the stream open through the gateway (its idle timeout is 100 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:30")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>What a browser waits before it reconnects by itself (the stream's <c>retry:</c> field).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Reconnect { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Units one stream holds back between events; beyond them its next event says only that something changed.</summary>
    [Range(1, 100_000)]
    public int MaxPendingUnits { get; set; } = 1000;
}
