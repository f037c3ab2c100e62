using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>The dashboard's copy of one venue's kind, state and size, kept from Venues' events.</summary>
public sealed class VenueRecord : IVersionedCopy<VenueRecord, VenueChanged>
{
    public Guid VenueId { get; private set; }

    public Guid VillageId { get; private set; }

    public VenueKind Kind { get; private set; }

    public VenueState State { get; private set; }

    public DateOnly StateDate { get; private set; }

    public decimal FloorArea { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<VenueRecord, VenueChanged>.EntityId => VenueId;

    public static VenueRecord From(VenueChanged change)
    {
        var venue = new VenueRecord { VenueId = change.VenueId };
        venue.Apply(change);
        return venue;
    }

    /// <summary>Applies the change unless this copy already holds that version or a newer one.</summary>
    public bool Apply(VenueChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        VillageId = change.VillageId;
        Kind = change.Kind;
        State = change.State;
        StateDate = change.StateDate;
        FloorArea = change.FloorArea;
        Version = change.Version;
        // PostgreSQL keeps instants in UTC; an event may carry the city's offset.
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
