namespace PartyPlatform.Contracts.Organizations;

/// <summary>
/// What an administrative unit is. Several kinds share a level: a district and a functional
/// zone are both county-level; a village and an urban community both sit under a township.
/// </summary>
public enum UnitKind
{
    City,
    County,
    CountyLevelCity,
    District,
    HighTechZone,
    EconomicZone,
    Township,
    Street,
    Village,
    Community,
}
