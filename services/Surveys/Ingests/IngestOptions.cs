using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Surveys.Ingests;

/// <summary>How a bulk ingest of visits reads its upload.</summary>
public sealed class IngestOptions
{
    public const string Section = "Surveys:Ingest";

    /// <summary>The ingest's own body limit at this service's Kestrel (the gateway has its own for the route).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; }

    /// <summary>Lines read before a batch is copied, merged and committed: memory stays flat whatever the file's size.</summary>
    [Range(1, 1_000_000)]
    public int BatchLines { get; set; }

    /// <summary>
    /// An ingest with no batch committed for this long is taken as abandoned (its service stopped mid-upload) and ended
    /// Interrupted, its organisations recounted. Longer than the gateway's timeout of the ingest route.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan AbandonedAfter { get; set; }
}
