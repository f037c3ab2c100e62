namespace PartyPlatform.Surveys.Ingests;

/// <summary>A line of an ingest that was not kept: where, which field, why, and the line as it was sent.</summary>
public sealed class IngestRejection
{
    private IngestRejection()
    {
    }

    public long Id { get; private set; }

    public Guid IngestId { get; private set; }

    public long Line { get; private set; }

    public string Field { get; private set; } = "";

    public string Reason { get; private set; } = "";

    /// <summary>The line's text, which holds the household's personal information: only its sender's unit downloads it.</summary>
    public string Text { get; private set; } = "";
}
