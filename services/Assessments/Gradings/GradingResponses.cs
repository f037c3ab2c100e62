using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Gradings;

public sealed record IndicatorScoreResponse(string Code, decimal Score);

public sealed record GradingStepResponse(GradingStep Step, bool SentBack, Grade Grade, string Actor, DateTimeOffset TakenAt, string? Note);

/// <param name="IsResult">Whether the grade is the village's result: decided by the county, or filed.</param>
/// <param name="Steps">Every step taken, oldest first; only in the answer about one grading.</param>
public sealed record GradingResponse(
    Guid Id, Guid RoundId, int Year, Guid OrganizationId, string OrganizationCode, Guid UnitId, Grade Grade, GradingStep Step, bool IsResult,
    Grade? PreviousGrade, decimal TotalScore, IReadOnlyList<IndicatorScoreResponse> Scores, string Evidence, long Version, DateTimeOffset UpdatedAt,
    IReadOnlyList<GradingStepResponse>? Steps)
{
    public static GradingResponse From(Grading grading, IEnumerable<GradingStepRecord>? steps = null) => new(
        grading.Id, grading.RoundId, grading.Year, grading.OrganizationId, grading.OrganizationCode, grading.UnitId, grading.Grade, grading.Step,
        grading.IsResult, grading.PreviousGrade, grading.Scores.Sum(s => s.Score), grading.Scores.ConvertAll(s => new IndicatorScoreResponse(s.Code, s.Score)),
        grading.Evidence, grading.Version, grading.UpdatedAt,
        steps?.Select(s => new GradingStepResponse(s.Step, s.SentBack, s.Grade, s.Actor, s.TakenAt, s.Note)).ToList());
}

/// <param name="Retired">Retired by a merge: its grades are history, and its successor is graded from the next round.</param>
public sealed record GradingHistoryResponse(
    Guid OrganizationId, string OrganizationCode, string OrganizationName, Guid UnitId, bool Retired, IReadOnlyList<GradingResponse> Gradings);
