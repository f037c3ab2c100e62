using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Personnel.ReserveTalent;

/// <summary>One township's or county's villages and communities in service, how many are short of the target, and the candidates missing.</summary>
public sealed record ShortfallSummaryResponse(
    Guid UnitId, string Name, string? Code, UnitLevel Level, int Villages, int VillagesShort, int CandidatesMissing);
