namespace PartyPlatform.Venues.Projects;

/// <summary>What a township or county reported about a project's progress on a day.</summary>
public sealed class ProgressReport
{
    public int Sequence { get; private set; }

    public DateOnly On { get; private set; }

    public int PercentComplete { get; private set; }

    public string Note { get; private set; } = "";

    public string Reporter { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static ProgressReport Of(int sequence, DateOnly on, int percentComplete, string note, string reporter, DateTimeOffset recordedAt) =>
        new() { Sequence = sequence, On = on, PercentComplete = percentComplete, Note = note, Reporter = reporter, RecordedAt = recordedAt };
}
