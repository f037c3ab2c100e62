using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Gradings;

/// <param name="Scores">A score for every indicator of the round, by its code, from 0 to the indicator's maximum.</param>
/// <param name="Evidence">What the scores rest on: meetings held, records kept, what was seen.</param>
public sealed record SelfAssessmentRequest(
    [property: Required] Grade? Grade,
    [property: Required, MaxLength(50)] Dictionary<string, decimal>? Scores,
    [property: Required, StringLength(Grading.MaxEvidenceLength, MinimumLength = 1)] string? Evidence);

/// <param name="Grade">The township's grade when it differs from the self-assessment's; the self-assessment's when left out.</param>
public sealed record ReviewRequest(Grade? Grade, [property: StringLength(GradingStepRecord.MaxNoteLength)] string? Note);

public sealed record DecisionRequest([property: Required] Grade? Grade, [property: StringLength(GradingStepRecord.MaxNoteLength)] string? Note);

public sealed record FilingRequest([property: StringLength(GradingStepRecord.MaxNoteLength)] string? Note);

/// <param name="Reason">Why the step before is to be taken again: recorded with the send-back.</param>
public sealed record SendBackRequest([property: Required, StringLength(GradingStepRecord.MaxNoteLength, MinimumLength = 1)] string? Reason);
