namespace PartyPlatform.Personnel.FirstSecretaries;

/// <summary>A first secretary in post: the village sent to and the unit (township or county) sent from. No ID number, no phone.</summary>
public sealed record FirstSecretaryResponse(
    Guid PostId,
    Guid PersonId,
    string Name,
    Guid VillageId,
    string VillageName,
    Guid HomeUnitId,
    string HomeUnitName,
    DateOnly Start,
    DateOnly? End);
