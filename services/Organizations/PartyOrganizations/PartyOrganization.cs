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

    /// <summary>The stable code a county's file cites (<see cref="PartyOrganizationCode"/>); never changes.</summary>
    public string Code { get; private set; } = "";

    public PartyOrganizationKind Kind { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The unit's path followed by nothing else, so scope queries on organisations match the tree's.</summary>
    public string UnitPath { get; private set; } = "";

    public bool Retired { get; private set; }

    /// <summary>For a village's or community's own organisation retired in a merge: the successor unit's own organisation, if it has one.</summary>
    public Guid? SuccessorId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    /// <param name="code">From <see cref="PartyOrganizationCodes.CodeForAsync"/>: the unit's division code for its own organisation, else an assigned one.</param>
    public static PartyOrganization Create(string name, PartyOrganizationKind kind, AdministrativeUnit unit, string code, DateTimeOffset now)
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
            Code = code,
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
    /// with it and names the successor unit's own organisation as its successor; any other
    /// organisation moves to the successor unit and keeps its code.
    /// </summary>
    /// <param name="successorOwn">The successor unit's own village or community organisation, if it has one.</param>
    /// <returns>What happened to it.</returns>
    public UnitChange FollowMerge(AdministrativeUnit successor, PartyOrganization? successorOwn, DateTimeOffset now)
    {
        if (IsUnitsOwn)
        {
            Retired = true;
            SuccessorId = successorOwn?.Id;
            Touch(now);
            return UnitChange.Retired;
        }

        UnitId = successor.Id;
        UnitPath = successor.Path;
        Touch(now);
        return UnitChange.Moved;
    }

    /// <summary>A village's or community's own organisation, which stands for its unit.</summary>
    public bool IsUnitsOwn => Kind is PartyOrganizationKind.Village or PartyOrganizationKind.Community;

    public PartyOrganizationChanged ToEvent(UnitChange change) =>
        new(Id, Version, change, Name, Code, Kind, UnitId, Retired, SuccessorId, UpdatedAt);

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
