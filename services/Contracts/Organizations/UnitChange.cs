namespace PartyPlatform.Contracts.Organizations;

public enum UnitChange
{
    Created,
    Renamed,
    Moved,
    Retired,
}
