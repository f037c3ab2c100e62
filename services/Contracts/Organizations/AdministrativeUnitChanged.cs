namespace PartyPlatform.Contracts.Organizations;

/// <summary>
/// An administrative unit was created, renamed, moved under another parent or retired by a merge.
/// It carries the unit's whole state after the change, so a copy of the tree needs nothing else:
/// apply it when <see cref="Version"/> is newer than what the copy holds.
/// </summary>
public sealed record AdministrativeUnitChanged(
    Guid UnitId,
    long Version,
    UnitChange Change,
    string Name,
    UnitKind Kind,
    UnitLevel Level,
    string? Code,
    Guid? ParentId,
    bool Retired,
    Guid? SuccessorId,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => UnitId;
}
