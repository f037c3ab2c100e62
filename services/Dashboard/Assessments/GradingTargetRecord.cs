using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>The dashboard's copy of a round's targets for the city or a county.</summary>
public sealed class GradingTargetRecord : IVersionedCopy<GradingTargetRecord, GradingTargetsChanged>
{
    public Guid TargetId { get; private set; }

    public Guid RoundId { get; private set; }

    public int Year { get; private set; }

    public Guid UnitId { get; private set; }

    public decimal GoodShareAtLeast { get; private set; }

    public decimal PoorShareAtMost { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<GradingTargetRecord, GradingTargetsChanged>.EntityId => TargetId;

    public static GradingTargetRecord From(GradingTargetsChanged change)
    {
        var record = new GradingTargetRecord { TargetId = change.TargetId };
        record.Apply(change);
        return record;
    }

    public bool Apply(GradingTargetsChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (RoundId, Year, UnitId, GoodShareAtLeast, PoorShareAtMost) = (change.RoundId, change.Year, change.UnitId, change.GoodShareAtLeast, change.PoorShareAtMost);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
