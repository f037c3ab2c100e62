using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>The dashboard's copy of a village's grading in a round: its grade, and whether it is a result yet.</summary>
public sealed class GradingRecord : IVersionedCopy<GradingRecord, OrganizationGraded>
{
    public Guid GradingId { get; private set; }

    public Guid RoundId { get; private set; }

    public int Year { get; private set; }

    public Guid UnitId { get; private set; }

    public Grade Grade { get; private set; }

    public GradingStep Step { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<GradingRecord, OrganizationGraded>.EntityId => GradingId;

    public static GradingRecord From(OrganizationGraded change)
    {
        var record = new GradingRecord { GradingId = change.GradingId };
        record.Apply(change);
        return record;
    }

    public bool Apply(OrganizationGraded change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (RoundId, Year, UnitId, Grade, Step) = (change.RoundId, change.Year, change.UnitId, change.Grade, change.Step);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
