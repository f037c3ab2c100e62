using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Problems;

/// <param name="Spread">What counts: the override when there is one, else the rule's.</param>
/// <param name="Notes">The cause analysis notes, oldest first; only when one problem is read.</param>
/// <param name="Steps">The rectification's steps as they were taken; only when one problem is read.</param>
public sealed record ProblemResponse(
    Guid Id,
    Guid CampaignId,
    Guid OrganizationId,
    string OrganizationCode,
    string OrganizationName,
    Guid UnitId,
    Guid? CountyId,
    ProblemKind Kind,
    string Category,
    string Said,
    DateOnly RaisedOn,
    ProblemSpread Spread,
    ProblemSpread ComputedSpread,
    SpreadOverrideResponse? SpreadOverride,
    ProblemRecurrence Recurrence,
    RectificationStage Stage,
    Guid? ResponsibleUnitId,
    DateOnly? Deadline,
    bool Overdue,
    DateTimeOffset? OverdueAt,
    string? Answer,
    DateTimeOffset? ClosedAt,
    long Version,
    IReadOnlyList<ProblemNoteResponse>? Notes = null,
    IReadOnlyList<ProblemStepResponse>? Steps = null)
{
    public static ProblemResponse From(Problem p, IReadOnlyList<ProblemNote>? notes = null, IReadOnlyList<ProblemStep>? steps = null) =>
        new(p.Id, p.CampaignId, p.OrganizationId, p.OrganizationCode, p.OrganizationName, p.UnitId, p.CountyId, p.Kind, p.Category, p.Said, p.RaisedOn,
            p.Spread, p.ComputedSpread,
            p.SpreadOverride is { } spread ? new SpreadOverrideResponse(spread, p.SpreadOverrideReason!, p.SpreadOverriddenBy!, p.SpreadOverriddenAt!.Value) : null,
            p.Recurrence, p.Stage, p.ResponsibleUnitId, p.Deadline, p.Overdue, p.OverdueAt, p.Answer, p.ClosedAt, p.Version,
            notes?.Select(n => new ProblemNoteResponse(n.Text, n.Author, n.WrittenAt)).ToList(),
            steps?.Select(s => new ProblemStepResponse(s.Stage, s.Actor, s.TakenAt, s.Note)).ToList());
}

public sealed record SpreadOverrideResponse(ProblemSpread Spread, string Reason, string By, DateTimeOffset At);

public sealed record ProblemNoteResponse(string Text, string Author, DateTimeOffset WrittenAt);

public sealed record ProblemStepResponse(RectificationStage Stage, string Actor, DateTimeOffset TakenAt, string? Note);
