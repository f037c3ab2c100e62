namespace PartyPlatform.Contracts.Organizations;

/// <summary>A grassroots Party organisation was created, renamed, moved or retired; carries its whole state.</summary>
/// <param name="Code">Its stable code, never changed: the unit's division code for a village's or community's own
/// organisation, else the code Organizations assigned at creation.</param>
/// <param name="SuccessorId">For a village's or community's own organisation retired in a merge (撤并): the successor
/// unit's own organisation, when it has one, which takes over what hung on this one.</param>
public sealed record PartyOrganizationChanged(
    Guid OrganizationId,
    long Version,
    UnitChange Change,
    string Name,
    string Code,
    PartyOrganizationKind Kind,
    Guid UnitId,
    bool Retired,
    Guid? SuccessorId,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => OrganizationId;
}
