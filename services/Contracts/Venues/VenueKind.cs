namespace PartyPlatform.Contracts.Venues;

public enum VenueKind
{
    /// <summary>新建</summary>
    NewBuild,

    /// <summary>改扩建</summary>
    Renovation,
}
