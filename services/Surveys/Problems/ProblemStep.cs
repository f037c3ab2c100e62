using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Problems;

/// <summary>One step of a problem's rectification as it was taken: the stage reached, who took it and when.</summary>
public sealed class ProblemStep
{
    public const int MaxNoteLength = 2000;

    private ProblemStep()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProblemId { get; private set; }

    public RectificationStage Stage { get; private set; }

    public string Actor { get; private set; } = "";

    public DateTimeOffset TakenAt { get; private set; }

    public string? Note { get; private set; }

    public static ProblemStep Taken(Guid problemId, RectificationStage stage, string actor, string? note, DateTimeOffset now) =>
        new() { ProblemId = problemId, Stage = stage, Actor = actor, Note = note, TakenAt = now };
}
