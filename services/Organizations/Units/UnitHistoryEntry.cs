using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Organizations.Units;

/// <summary>The state of a unit right after one of its changes; the tree at any past date can be read back from these.</summary>
public sealed record UnitHistoryEntry(
    Guid UnitId,
    long Version,
    UnitChange Change,
    string Name,
    Guid? ParentId,
    bool Retired,
    Guid? SuccessorId,
    DateTimeOffset ChangedAt);
