using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.TownshipSecretaries;

public sealed record EligibilityFlagResponse(
    Guid Id, Guid PostId, Guid PersonId, Guid UnitId, EligibilityKind Kind, EligibilitySource Source, Guid? FactId, string Reason,
    DateOnly FlaggedOn, DateOnly? LiftedOn, string? LiftReason, long Version)
{
    public static EligibilityFlagResponse From(EligibilityFlag flag) => new(
        flag.Id, flag.PostId, flag.PersonId, flag.UnitId, flag.Kind, flag.Source, flag.FactId, flag.Reason,
        flag.FlaggedOn, flag.LiftedOn, flag.LiftReason, flag.Version);
}

/// <summary>A township and its secretary now (none: vacant), with what the secretary is barred from.</summary>
public sealed record TownshipSecretaryResponse(
    Guid UnitId, string UnitName, string? UnitCode, Guid? PostId, Guid? PersonId, string? PersonName, DateOnly? Since,
    bool EligibleForCityAwards, bool EligibleForPromotion);

public sealed record TownshipVacancyResponse(Guid FactId, Guid UnitId, string UnitName, DateOnly VacantOn, string Reason, DateTimeOffset RecordedAt);
