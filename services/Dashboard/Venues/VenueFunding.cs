using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>The dashboard's copy of a township's, county's or the city's venue funding (yuan), kept from Venues' events.</summary>
public sealed class VenueFunding : IVersionedCopy<VenueFunding, VenueFundingChanged>
{
    public Guid UnitId { get; private set; }

    public UnitLevel Level { get; private set; }

    public decimal Pledged { get; private set; }

    public decimal Arrived { get; private set; }

    public decimal Gap { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<VenueFunding, VenueFundingChanged>.EntityId => UnitId;

    public static VenueFunding From(VenueFundingChanged change)
    {
        var funding = new VenueFunding { UnitId = change.UnitId };
        funding.Apply(change);
        return funding;
    }

    public bool Apply(VenueFundingChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (Level, Pledged, Arrived, Gap) = (change.Level, change.Pledged, change.Arrived, change.Gap);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
