using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Rectification;

namespace PartyPlatform.Surveys.Problems;

/// <summary>
/// A problem or suggestion of the ledger (台账): raised in a campaign at an organisation of its scope, filed under a
/// category, classified 点上/普遍 and 偶发/反复, and rectified step by step (落实、督查、销号) until it closes with an
/// answer to the people who raised it (事事有交代).
/// </summary>
public sealed class Problem : IPublishedEntity
{
    public const int MaxSaidLength = 2000;
    public const int MaxReasonLength = 500;
    public const int MaxAnswerLength = 2000;

    private Problem()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationCode { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    /// <summary>The organisation's unit: the scope rule goes by it.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The county above the unit: the widespread rule and the overdue list per county go by it.</summary>
    public Guid? CountyId { get; private set; }

    public ProblemKind Kind { get; private set; }

    public string Category { get; private set; } = "";

    /// <summary>What was said, as the people said it.</summary>
    public string Said { get; private set; } = "";

    public DateOnly RaisedOn { get; private set; }

    public string RaisedBy { get; private set; } = "";

    /// <summary>点上/普遍 as the rule has it; <see cref="Spread"/> is what counts.</summary>
    public ProblemSpread ComputedSpread { get; private set; }

    /// <summary>A person's classification, which wins over the rule's and is kept as the rule's changes.</summary>
    public ProblemSpread? SpreadOverride { get; private set; }

    public string? SpreadOverrideReason { get; private set; }

    public string? SpreadOverriddenBy { get; private set; }

    public DateTimeOffset? SpreadOverriddenAt { get; private set; }

    public ProblemSpread Spread => SpreadOverride ?? ComputedSpread;

    public ProblemRecurrence Recurrence { get; private set; }

    public RectificationStage Stage { get; private set; }

    public Guid? ResponsibleUnitId { get; private set; }

    public DateOnly? Deadline { get; private set; }

    /// <summary>The answer to the people who raised it (事事有交代); required to close.</summary>
    public string? Answer { get; private set; }

    /// <summary>When the watch found it open past its deadline; kept once it is done, as the record that it was late.</summary>
    public DateTimeOffset? OverdueAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public long Version { get; private set; } = 1;

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Raised in this unit of work and not yet saved (never true of a problem read from the database).</summary>
    public bool IsNew { get; private set; }

    /// <summary>Open and marked past its deadline.</summary>
    public bool Overdue => OverdueAt is not null && RectificationSteps.IsOpen(Stage);

    /// <summary>Raised at an organisation of the campaign's scope, on a day of its period.</summary>
    public static Problem Raise(
        Campaign campaign, CampaignOrganization organization, Guid? countyId, ProblemKind kind, string category, string said, DateOnly raisedOn,
        string raisedBy, DateTimeOffset now)
    {
        if (!campaign.Covers(raisedOn))
        {
            throw new RuleViolationException("raisedOn",
                $"{raisedOn:yyyy-MM-dd} is outside the campaign's period, {campaign.StartsOn:yyyy-MM-dd} to {campaign.EndsOn:yyyy-MM-dd}.");
        }

        return new Problem
        {
            CampaignId = campaign.Id, OrganizationId = organization.OrganizationId, OrganizationCode = organization.OrganizationCode,
            OrganizationName = organization.OrganizationName, UnitId = organization.UnitId, CountyId = countyId, Kind = kind, Category = category,
            Said = said, RaisedOn = raisedOn, RaisedBy = raisedBy, RecordedAt = now, UpdatedAt = now, IsNew = true,
        };
    }

    /// <summary>The rules' classification; true when what counts moved (the version moves with it, unless it is new).</summary>
    public bool Classified(ProblemSpread spread, ProblemRecurrence recurrence, DateTimeOffset now)
    {
        var before = (Spread, Recurrence);
        (ComputedSpread, Recurrence) = (spread, recurrence);
        return before != (Spread, Recurrence) && Touch(now);
    }

    public bool OverrideSpread(ProblemSpread spread, string reason, string actor, DateTimeOffset now)
    {
        if (SpreadOverride == spread && SpreadOverrideReason == reason)
        {
            return false;
        }

        (SpreadOverride, SpreadOverrideReason, SpreadOverriddenBy, SpreadOverriddenAt) = (spread, reason, actor, now);
        return Touch(now);
    }

    /// <summary>落实: a responsible unit and a deadline, not before the day the problem was raised.</summary>
    public ProblemStep Assign(Guid responsibleUnitId, DateOnly deadline, string actor, string? note, DateTimeOffset now)
    {
        RectificationSteps.EnsureNext(Stage, RectificationStage.Assigned);
        if (deadline < RaisedOn)
        {
            throw new RuleViolationException("deadline", $"The deadline ({deadline:yyyy-MM-dd}) cannot be before the problem was raised ({RaisedOn:yyyy-MM-dd}).");
        }

        (ResponsibleUnitId, Deadline) = (responsibleUnitId, deadline);
        return Step(RectificationStage.Assigned, actor, note, now);
    }

    public ProblemStep Start(string actor, string? note, DateTimeOffset now) => Step(RectificationStage.InProgress, actor, note, now);

    /// <param name="answer">The answer to the people, if it is given with the resolution.</param>
    public ProblemStep Resolve(string? answer, string actor, string? note, DateTimeOffset now)
    {
        RectificationSteps.EnsureNext(Stage, RectificationStage.Resolved);
        Answer = answer ?? Answer;
        return Step(RectificationStage.Resolved, actor, note, now);
    }

    public ProblemStep Verify(string actor, string? note, DateTimeOffset now) => Step(RectificationStage.Verified, actor, note, now);

    /// <summary>销号: never without an answer to the people who raised it (事事有交代).</summary>
    public ProblemStep Close(string? answer, string actor, string? note, DateTimeOffset now)
    {
        RectificationSteps.EnsureNext(Stage, RectificationStage.Closed);
        if ((answer ?? Answer) is null)
        {
            throw new RuleViolationException("answer", "A problem closes only with the answer given to the people who raised it (事事有交代).");
        }

        Answer = answer ?? Answer;
        ClosedAt = now;
        return Step(RectificationStage.Closed, actor, note, now);
    }

    /// <summary>Marks it overdue once, when the watch finds it open past its deadline on <paramref name="today"/>.</summary>
    public bool MarkOverdue(DateOnly today, DateTimeOffset now)
    {
        if (OverdueAt is not null || !RectificationSteps.IsOverdue(Stage, Deadline, today))
        {
            return false;
        }

        OverdueAt = now;
        return Touch(now);
    }

    public ProblemChanged ToEvent(DateTimeOffset now) =>
        new(Id, CampaignId, OrganizationId, OrganizationCode, UnitId, CountyId, Kind, Category, Spread, Recurrence, Stage, RaisedOn, ResponsibleUnitId,
            Deadline, Overdue, Answer is not null, ClosedAt, Version, now);

    private ProblemStep Step(RectificationStage stage, string actor, string? note, DateTimeOffset now)
    {
        RectificationSteps.EnsureNext(Stage, stage);
        Stage = stage;
        Touch(now);
        return ProblemStep.Taken(Id, stage, actor, note, now);
    }

    /// <summary>A problem raised in this unit of work keeps version 1: its first event carries what the rules made of it.</summary>
    private bool Touch(DateTimeOffset now)
    {
        if (!IsNew)
        {
            Version++;
        }

        UpdatedAt = now;
        return true;
    }
}
