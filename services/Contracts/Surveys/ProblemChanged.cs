namespace PartyPlatform.Contracts.Surveys;

/// <summary>
/// A problem of the ledger (台账) was raised, moved a step, was reclassified, became overdue or closed. Carries
/// the whole state: a copy applies it when <see cref="Version"/> is newer than what it holds. Never what was
/// said nor the answer: they may name people.
/// </summary>
/// <param name="CountyId">The county of the organisation's unit: the widespread rule and the overdue list go by it.</param>
/// <param name="Overdue">Open (assigned or in progress) and past its deadline.</param>
public sealed record ProblemChanged(
    Guid ProblemId,
    Guid CampaignId,
    Guid OrganizationId,
    string OrganizationCode,
    Guid UnitId,
    Guid? CountyId,
    ProblemKind Kind,
    string Category,
    ProblemSpread Spread,
    ProblemRecurrence Recurrence,
    RectificationStage Stage,
    DateOnly RaisedOn,
    Guid? ResponsibleUnitId,
    DateOnly? Deadline,
    bool Overdue,
    bool Answered,
    DateTimeOffset? ClosedAt,
    long Version,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => ProblemId;
}
