namespace PartyPlatform.Contracts.Organizations;

/// <summary>The four levels of the administrative tree, top down.</summary>
public enum UnitLevel
{
    City = 1,
    County = 2,
    Township = 3,
    Village = 4, // villages and urban communities
}
