namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// A village Party organisation's grading in a yearly round moved: entered, reviewed, decided, filed, or sent back.
/// Carries the whole state; a consumer applies it when <see cref="Version"/> is newer than what it holds.
/// <see cref="GradingId"/> names the organisation's grading in that round and stays the same across versions.
/// The grade is the village's result while <see cref="Step"/> is <see cref="GradingStep.CountyDecided"/> or later:
/// Personnel watches a 较差 village's election from then on, and stops when a send-back or a new grade takes it back.
/// </summary>
/// <param name="UnitId">The village (or community) the organisation belongs to.</param>
/// <param name="PreviousGrade">The organisation's result in the previous year's round; null when it had none.</param>
public sealed record OrganizationGraded(
    Guid GradingId,
    long Version,
    Guid RoundId,
    int Year,
    Guid OrganizationId,
    string OrganizationCode,
    Guid UnitId,
    Grade Grade,
    GradingStep Step,
    Grade? PreviousGrade,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => GradingId;

    /// <summary>Whether the grade counts as the village's result (decided by the county, or filed).</summary>
    public bool IsResult => Step >= GradingStep.CountyDecided;
}
