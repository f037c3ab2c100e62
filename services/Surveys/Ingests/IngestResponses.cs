namespace PartyPlatform.Surveys.Ingests;

/// <summary>An ingest while it runs (counts so far) or once it ended (the summary).</summary>
/// <param name="LastLine">The last line of the file read (a CSV's header is line 1): where an interrupted upload broke off.</param>
/// <param name="Duplicates">Lines of visits already recorded, or sent twice in the file: they count once.</param>
/// <param name="ProgressAt">When its last batch was committed: a running ingest whose progress stops is ended Interrupted after a while.</param>
public sealed record IngestResponse(
    Guid Id,
    Guid CampaignId,
    IngestStatus Status,
    IngestFormat Format,
    string SentBy,
    Guid? UnitId,
    long LinesRead,
    long Accepted,
    long Duplicates,
    long Rejected,
    long LastLine,
    string? Failure,
    DateTimeOffset StartedAt,
    DateTimeOffset ProgressAt,
    DateTimeOffset? EndedAt,
    double? DurationSeconds)
{
    public static IngestResponse From(Ingest ingest) =>
        new(ingest.Id, ingest.CampaignId, ingest.Status, ingest.Format, ingest.SentBy, ingest.UnitId, ingest.LinesRead, ingest.Accepted,
            ingest.Duplicates, ingest.Rejected, ingest.LastLine, ingest.Failure, ingest.StartedAt, ingest.ProgressAt, ingest.EndedAt, ingest.Duration?.TotalSeconds);
}

/// <summary>A line not kept: its number in the file, the field and the reason.</summary>
public sealed record IngestRejectionResponse(long Line, string Field, string Reason);
