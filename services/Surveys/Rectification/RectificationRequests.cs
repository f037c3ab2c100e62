using System.ComponentModel.DataAnnotations;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Rectification;

/// <param name="ResponsibleUnitId">The unit that rectifies it (落实), in the caller's unit; its operators take the next steps.</param>
/// <param name="Deadline">Not before the day the problem was raised; past it, an open rectification becomes overdue.</param>
public sealed record AssignRectificationRequest(
    [property: Required] Guid? ResponsibleUnitId,
    [property: Required] DateOnly? Deadline,
    [property: StringLength(ProblemStep.MaxNoteLength)] string? Note);

public sealed record RectificationStepRequest([property: StringLength(ProblemStep.MaxNoteLength)] string? Note);

/// <param name="Answer">The answer given to the people who raised the problem (事事有交代); closing needs one, given now or at resolving.</param>
public sealed record AnsweredStepRequest(
    [property: StringLength(Problem.MaxAnswerLength, MinimumLength = 1)] string? Answer,
    [property: StringLength(ProblemStep.MaxNoteLength)] string? Note);
