namespace PartyPlatform.Contracts.Venues;

/// <summary>A venue's life, in order; a venue only moves forward.</summary>
public enum VenueState
{
    Planned,
    UnderConstruction,
    Completed,

    /// <summary>验收: passed the acceptance inspection; from here the village counts as having a venue.</summary>
    Accepted,
    InUse,
}
