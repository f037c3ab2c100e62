using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.PartyOrganizations;

/// <summary>A grassroots Party organisation (基层党组织) hanging on an administrative unit.</summary>
public sealed class PartyOrganization : IPublishedEntity
{
    public const int MaxNameLength = 150;

    private PartyOrganization()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public PartyOrganizationKind Kind { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The unit's path followed by nothing else, so scope queries on organisations match the tree's.</summary>
    public string UnitPath { get; private set; } = "";

    public bool Retired { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static PartyOrganization Create(string name, PartyOrganizationKind kind, AdministrativeUnit unit, DateTimeOffset now)
    {
        if (unit.Retired)
        {
            throw new RuleViolationException("unitId", $"'{unit.Name}' is retired; use its successor.");
        }

        // Village and community organisations stand for the unit itself; the others sit in a
        // township or a village/community (an enterprise in a development zone's street, say).
        var allowed = kind switch
        {
            PartyOrganizationKind.Village => unit.Kind == UnitKind.Village,
            PartyOrganizationKind.Community => unit.Kind == UnitKind.Community,
            _ => unit.Level is UnitLevel.Township or UnitLevel.Village or UnitLevel.County,
        };
        if (!allowed)
        {
            throw new RuleViolationException("kind", $"A {kind} Party organisation cannot hang on the {unit.Kind} '{unit.Name}'.");
        }

        var organization = new PartyOrganization
        {
            Id = Guid.CreateVersion7(),
            Name = ValidName(name),
            Kind = kind,
            UnitId = unit.Id,
            UnitPath = unit.Path,
        };
        organization.Touch(now);
        return organization;
    }

    public bool Rename(string name, DateTimeOffset now)
    {
        name = ValidName(name);
        if (Retired)
        {
            throw new RuleViolationException("id", $"'{Name}' is retired and can no longer change.");
        }

        if (name == Name)
        {
            return false;
        }

        Name = name;
        Touch(now);
        return true;
    }

    /// <summary>
    /// Follows its unit into a merge (撤并): a village's or community's own organisation is retired
    /// with it (the successor has its own), any other organisation moves to the successor.
    /// </summary>
    /// <returns>What happened to it.</returns>
    public UnitChange FollowMerge(AdministrativeUnit successor, DateTimeOffset now)
    {
        if (Kind is PartyOrganizationKind.Village or PartyOrganizationKind.Community)
        {
            Retired = true;
            Touch(now);
            return UnitChange.Retired;
        }

        UnitId = successor.Id;
        UnitPath = successor.Path;
        Touch(now);
        return UnitChange.Moved;
    }

    public PartyOrganizationChanged ToEvent(UnitChange change) =>
        new(Id, Version, change, Name, Kind, UnitId, Retired, UpdatedAt);

    private static string ValidName(string name)
    {
        name = name?.Trim() ?? "";
        return name.Length switch
        {
            0 => throw new RuleViolationException("name", "A Party organisation needs a name."),
            > MaxNameLength => throw new RuleViolationException("name", $"A Party organisation name has at most {MaxNameLength} characters."),
            _ => name,
        };
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
