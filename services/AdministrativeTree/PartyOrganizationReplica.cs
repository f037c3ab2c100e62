using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.AdministrativeTree;

/// <summary>A service's copy of a grassroots Party organisation, kept from Organizations' events.</summary>
public sealed class PartyOrganizationReplica
{
    public Guid Id { get; private set; }

    /// <summary>The stable code a county's file cites: a village's or community's division code, else the one Organizations assigned.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public PartyOrganizationKind Kind { get; private set; }

    public Guid UnitId { get; private set; }

    public bool Retired { get; private set; }

    /// <summary>For a village's or community's own organisation retired in a merge: the successor unit's own organisation, if any.</summary>
    public Guid? SuccessorId { get; private set; }

    public long Version { get; private set; }

    public static PartyOrganizationReplica From(PartyOrganizationChanged change)
    {
        var organization = new PartyOrganizationReplica { Id = change.OrganizationId };
        organization.Apply(change);
        return organization;
    }

    /// <summary>Applies the change unless this copy already holds that version or a newer one.</summary>
    public bool Apply(PartyOrganizationChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        Code = change.Code;
        Name = change.Name;
        Kind = change.Kind;
        UnitId = change.UnitId;
        Retired = change.Retired;
        SuccessorId = change.SuccessorId;
        Version = change.Version;
        return true;
    }
}
