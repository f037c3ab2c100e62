using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>The dashboard's copy of a college-graduate official's terms and exit, kept from Personnel's events; no name travels.</summary>
public sealed class GraduateOfficialRecord : IVersionedCopy<GraduateOfficialRecord, GraduateOfficialChanged>
{
    public Guid OfficialId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly HiredOn { get; private set; }

    public int TermNumber { get; private set; }

    public DateOnly TermEnds { get; private set; }

    public GraduateOfficialExitPath? ExitPath { get; private set; }

    public DateOnly? ExitOn { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<GraduateOfficialRecord, GraduateOfficialChanged>.EntityId => OfficialId;

    public static GraduateOfficialRecord From(GraduateOfficialChanged change)
    {
        var record = new GraduateOfficialRecord { OfficialId = change.OfficialId };
        record.Apply(change);
        return record;
    }

    public bool Apply(GraduateOfficialChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (UnitId, HiredOn, TermNumber, TermEnds) = (change.UnitId, change.HiredOn, change.TermNumber, change.TermEnds);
        (ExitPath, ExitOn) = (change.ExitPath, change.ExitOn);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
