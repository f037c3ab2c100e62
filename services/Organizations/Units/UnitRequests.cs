using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Organizations.Units;

public sealed record CreateUnitRequest(
    [property: Required, StringLength(AdministrativeUnit.MaxNameLength)] string Name,
    [property: Required] UnitKind? Kind,
    [property: RegularExpression("^[0-9]{12}$", ErrorMessage = "The division code must be 12 digits.")] string? Code,
    Guid? ParentId);

public sealed record RenameUnitRequest([property: Required, StringLength(AdministrativeUnit.MaxNameLength)] string Name);

public sealed record MergeUnitRequest([property: Required] Guid? SuccessorId);

public sealed record UnitQuery(
    UnitLevel? Level,
    UnitKind? Kind,
    Guid? ParentId,
    Guid? AncestorId,
    string? Code,
    string? Name,
    bool? IncludeRetired,
    int? Page,
    int? PageSize);
