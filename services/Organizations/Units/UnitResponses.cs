using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Organizations.Units;

public sealed record UnitResponse(
    Guid Id,
    string Name,
    UnitKind Kind,
    string KindName,
    UnitLevel Level,
    string? Code,
    Guid? ParentId,
    bool Retired,
    Guid? SuccessorId,
    long Version,
    DateTimeOffset UpdatedAt)
{
    public static UnitResponse From(AdministrativeUnit unit) => new(
        unit.Id, unit.Name, unit.Kind, UnitKinds.DisplayName(unit.Kind), unit.Level, unit.Code, unit.ParentId,
        unit.Retired, unit.SuccessorId, unit.Version, unit.UpdatedAt);
}

public sealed record UnitHistoryResponse(
    long Version, UnitChange Change, string Name, Guid? ParentId, bool Retired, Guid? SuccessorId, DateTimeOffset ChangedAt);

public sealed record LevelCount(UnitLevel Level, UnitKind Kind, string KindName, int Count);
