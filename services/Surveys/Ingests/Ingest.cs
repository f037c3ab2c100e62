namespace PartyPlatform.Surveys.Ingests;

public enum IngestFormat
{
    Ndjson,
    Csv,
}

public enum IngestStatus
{
    /// <summary>Lines are being read; the counts grow batch by batch.</summary>
    Running,

    /// <summary>Every line was read: each is accepted, a duplicate or rejected.</summary>
    Completed,

    /// <summary>The upload broke off (the client went away): the batches before stay, and a resend completes it.</summary>
    Interrupted,

    /// <summary>The file could not be read further (its encoding broke): the batches before stay.</summary>
    Failed,
}

/// <summary>
/// One bulk upload of a county's household visits to a campaign: who sent it, how far it got and what became of
/// its lines. Its counts are written after every batch, so that it can be read while it runs.
/// </summary>
public sealed class Ingest
{
    public const int MaxFailureLength = 500;

    private Ingest()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; private set; }

    /// <summary>The unit of the sender (its organisations are the ones it may send visits for); null for the city.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The token's subject (a county system's client id, or a person).</summary>
    public string SentBy { get; private set; } = "";

    public IngestFormat Format { get; private set; }

    /// <summary>The CSV header as sent, so that the rejected lines download as a file that reads again.</summary>
    public string? Header { get; private set; }

    public IngestStatus Status { get; private set; }

    public long LinesRead { get; private set; }

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>The last line of the file read so far (the header is line 1 of a CSV).</summary>
    public long LastLine { get; private set; }

    public string? Failure { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the last batch was committed: an ingest still <see cref="IngestStatus.Running"/> long after it was abandoned.</summary>
    public DateTimeOffset ProgressAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public static Ingest Start(Guid campaignId, Guid? unitId, string sentBy, IngestFormat format, string? header, DateTimeOffset now) =>
        new()
        {
            CampaignId = campaignId, UnitId = unitId, SentBy = sentBy, Format = format, Header = header, Status = IngestStatus.Running, StartedAt = now, ProgressAt = now,
        };

    public void End(IngestStatus status, string? failure, DateTimeOffset now)
    {
        Status = status;
        Failure = failure is { Length: > MaxFailureLength } ? failure[..MaxFailureLength] : failure;
        EndedAt = now;
    }

    public TimeSpan? Duration => EndedAt - StartedAt;
}
