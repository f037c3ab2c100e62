namespace PartyPlatform.Personnel.FirstSecretaries;

/// <summary>A village flagged backward with no first secretary, and the open flags that say so.</summary>
public sealed record WantedVillageResponse(Guid VillageId, string VillageName, string? VillageCode, IReadOnlyList<BackwardFlag> Flags);
