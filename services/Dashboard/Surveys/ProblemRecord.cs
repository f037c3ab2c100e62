using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>The dashboard's copy of a problem of Surveys' ledger: where it is and how far its rectification got; never what was said.</summary>
public sealed class ProblemRecord : IVersionedCopy<ProblemRecord, ProblemChanged>
{
    public Guid ProblemId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public ProblemKind Kind { get; private set; }

    public RectificationStage Stage { get; private set; }

    public bool Overdue { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<ProblemRecord, ProblemChanged>.EntityId => ProblemId;

    public static ProblemRecord From(ProblemChanged change)
    {
        var record = new ProblemRecord { ProblemId = change.ProblemId };
        record.Apply(change);
        return record;
    }

    public bool Apply(ProblemChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (CampaignId, UnitId, Kind, Stage, Overdue) = (change.CampaignId, change.UnitId, change.Kind, change.Stage, change.Overdue);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
