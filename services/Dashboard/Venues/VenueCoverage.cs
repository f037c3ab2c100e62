using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>The dashboard's copy of a township's, county's or the city's venue coverage, kept from Venues' events.</summary>
public sealed class VenueCoverage : IVersionedCopy<VenueCoverage, VenueCoverageChanged>
{
    public Guid UnitId { get; private set; }

    public string UnitName { get; private set; } = "";

    public string? UnitCode { get; private set; }

    public UnitLevel Level { get; private set; }

    public int Villages { get; private set; }

    public int VillagesWithVenue { get; private set; }

    public decimal CoveragePercent { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<VenueCoverage, VenueCoverageChanged>.EntityId => UnitId;

    public static VenueCoverage From(VenueCoverageChanged change)
    {
        var coverage = new VenueCoverage { UnitId = change.UnitId };
        coverage.Apply(change);
        return coverage;
    }

    /// <summary>Applies the change unless this copy already holds that version or a newer one.</summary>
    public bool Apply(VenueCoverageChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        UnitName = change.UnitName;
        UnitCode = change.UnitCode;
        Level = change.Level;
        Villages = change.Villages;
        VillagesWithVenue = change.VillagesWithVenue;
        CoveragePercent = change.CoveragePercent;
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
