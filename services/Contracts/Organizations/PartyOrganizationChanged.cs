namespace PartyPlatform.Contracts.Organizations;

/// <summary>A grassroots Party organisation was created, renamed or retired; carries its whole state.</summary>
public sealed record PartyOrganizationChanged(
    Guid OrganizationId,
    long Version,
    UnitChange Change,
    string Name,
    PartyOrganizationKind Kind,
    Guid UnitId,
    bool Retired,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => OrganizationId;
}
