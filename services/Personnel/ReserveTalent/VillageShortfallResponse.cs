namespace PartyPlatform.Personnel.ReserveTalent;

/// <summary>A village or community in service with fewer running reserve-talent candidates than the target.</summary>
/// <param name="Missing">Candidates still to find to reach the target.</param>
public sealed record VillageShortfallResponse(
    Guid VillageId, string Name, string? Code, Guid? TownshipId, string? TownshipName, int Candidates, int Missing);
