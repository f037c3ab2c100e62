using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.AdministrativeTree;

/// <summary>A service's copy of an administrative unit, kept from Organizations' events.</summary>
public sealed class UnitReplica
{
    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public UnitKind Kind { get; private set; }

    public UnitLevel Level { get; private set; }

    public string? Code { get; private set; }

    public Guid? ParentId { get; private set; }

    public bool Retired { get; private set; }

    public long Version { get; private set; }

    public static UnitReplica From(AdministrativeUnitChanged change)
    {
        var unit = new UnitReplica { Id = change.UnitId };
        unit.Apply(change);
        return unit;
    }

    /// <summary>Applies the change unless this copy already holds that version or a newer one.</summary>
    public bool Apply(AdministrativeUnitChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        Name = change.Name;
        Kind = change.Kind;
        Level = change.Level;
        Code = change.Code;
        ParentId = change.ParentId;
        Retired = change.Retired;
        Version = change.Version;
        return true;
    }
}
