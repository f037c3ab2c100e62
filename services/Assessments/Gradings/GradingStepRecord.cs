using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Gradings;

/// <summary>One step of a grading as it was taken: the step reached, the grade it gave, who took it and when, and why for a send-back.</summary>
public sealed class GradingStepRecord
{
    public const int MaxNoteLength = 2000;

    private GradingStepRecord()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid GradingId { get; private set; }

    /// <summary>The step the grading stands at after this one: for a send-back, the step it went back to.</summary>
    public GradingStep Step { get; private set; }

    public bool SentBack { get; private set; }

    /// <summary>
    /// The grading's version this step made, as its <c>OrganizationGraded</c> carries it: the steps' order where they share
    /// an instant (an import takes several at once).
    /// </summary>
    public long Version { get; private set; }

    public Grade Grade { get; private set; }

    public string Actor { get; private set; } = "";

    public DateTimeOffset TakenAt { get; private set; }

    public string? Note { get; private set; }

    public static GradingStepRecord Taken(Grading grading, bool sentBack, string actor, string? note, DateTimeOffset now) => new()
    {
        GradingId = grading.Id, Version = grading.Version, Step = grading.Step, SentBack = sentBack, Grade = grading.Grade, Actor = actor, Note = note, TakenAt = now,
    };
}
