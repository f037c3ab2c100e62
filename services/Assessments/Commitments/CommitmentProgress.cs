namespace PartyPlatform.Assessments.Commitments;

/// <summary>What was done towards a commitment (践诺), as reported while it was kept.</summary>
public sealed class CommitmentProgress
{
    public const int MaxNoteLength = 2000;

    private CommitmentProgress()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CommitmentId { get; private set; }

    public string Note { get; private set; } = "";

    public string Actor { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static CommitmentProgress Of(Commitment commitment, string note, string actor, DateTimeOffset now) =>
        new() { CommitmentId = commitment.Id, Note = note, Actor = actor, RecordedAt = now };
}
