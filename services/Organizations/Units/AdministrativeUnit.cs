using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Organizations.Units;

/// <summary>
/// A node of the administrative tree. The tree is versioned, not rewritten: a merged unit is
/// retired and points at its successor, and every change is kept in <see cref="History"/>.
/// </summary>
public sealed class AdministrativeUnit : IPublishedEntity
{
    public const int MaxNameLength = 100;

    private readonly List<UnitHistoryEntry> history = [];

    private AdministrativeUnit()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public UnitKind Kind { get; private set; }

    public UnitLevel Level { get; private set; }

    public string? Code { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>Ids from the root down to this unit, "/a/b/c/": a subtree is a prefix match.</summary>
    public string Path { get; private set; } = "";

    public bool Retired { get; private set; }

    public Guid? SuccessorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Grows with every change; the concurrency token and the version events carry.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<UnitHistoryEntry> History => history;

    public static AdministrativeUnit Create(string name, UnitKind kind, string? code, AdministrativeUnit? parent, DateTimeOffset now)
    {
        var level = UnitKinds.LevelOf(kind);
        name = ValidName(name);
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();

        if (code is not null && !DivisionCode.IsValid(code))
        {
            throw new RuleViolationException("code", $"Division code '{code}' must be {DivisionCode.Length} digits.");
        }

        if (level == UnitLevel.City)
        {
            if (parent is not null)
            {
                throw new RuleViolationException("parentId", "A city is the root of the tree and has no parent.");
            }
        }
        else
        {
            if (parent is null)
            {
                throw new RuleViolationException("parentId", $"A {kind} needs a parent {(UnitLevel)((int)level - 1)}.");
            }

            if (parent.Level != level - 1)
            {
                throw new RuleViolationException(
                    "parentId", $"A {kind} belongs under a {(UnitLevel)((int)level - 1)}, not under the {parent.Kind} '{parent.Name}'.");
            }

            if (parent.Retired)
            {
                throw new RuleViolationException("parentId", $"'{parent.Name}' is retired; use its successor.");
            }

            if (code is not null && parent.Code is not null && !IsFunctionalZone(parent.Kind)
                && !DivisionCode.NestsUnder(code, parent.Code, parent.Level))
            {
                throw new RuleViolationException("code", $"Code {code} does not nest under the parent's code {parent.Code}.");
            }
        }

        var id = Guid.CreateVersion7();
        var unit = new AdministrativeUnit
        {
            Id = id,
            Name = name,
            Kind = kind,
            Level = level,
            Code = code,
            ParentId = parent?.Id,
            Path = $"{parent?.Path ?? "/"}{id}/",
            CreatedAt = now,
        };
        unit.Record(UnitChange.Created, now);
        return unit;
    }

    public bool Rename(string name, DateTimeOffset now)
    {
        name = ValidName(name);
        EnsureActive();
        if (name == Name)
        {
            return false;
        }

        Name = name;
        Record(UnitChange.Renamed, now);
        return true;
    }

    /// <summary>
    /// Retires this unit into <paramref name="successor"/> (撤并). Active children move to the
    /// successor; the caller moves them with <see cref="MoveTo"/>.
    /// </summary>
    public void MergeInto(AdministrativeUnit successor, DateTimeOffset now)
    {
        EnsureActive();
        if (successor.Id == Id)
        {
            throw new RuleViolationException("successorId", "A unit cannot be merged into itself.");
        }

        if (successor.Retired)
        {
            throw new RuleViolationException("successorId", $"'{successor.Name}' is itself retired; merge into its successor.");
        }

        if (successor.Level != Level)
        {
            throw new RuleViolationException(
                "successorId", $"A {Level}-level unit can only merge into another {Level}-level unit, not a {successor.Level}.");
        }

        Retired = true;
        SuccessorId = successor.Id;
        Record(UnitChange.Retired, now);
    }

    /// <summary>Hangs this unit under a new parent of the same level as the old one.</summary>
    public void MoveTo(AdministrativeUnit parent, DateTimeOffset now)
    {
        EnsureActive();
        if (parent.Level != Level - 1 || parent.Retired)
        {
            throw new RuleViolationException("parentId", $"'{parent.Name}' cannot hold a {Kind}.");
        }

        if (parent.Path.StartsWith(Path, StringComparison.Ordinal))
        {
            throw new RuleViolationException("parentId", "A unit cannot move under its own subtree.");
        }

        ParentId = parent.Id;
        Path = $"{parent.Path}{Id}/";
        Record(UnitChange.Moved, now);
    }

    public AdministrativeUnitChanged ToEvent(UnitChange change) =>
        new(Id, Version, change, Name, Kind, Level, Code, ParentId, Retired, SuccessorId, UpdatedAt);

    private static bool IsFunctionalZone(UnitKind kind) => kind is UnitKind.HighTechZone or UnitKind.EconomicZone;

    private static string ValidName(string name)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new RuleViolationException("name", "A unit needs a name.");
        }

        if (name.Length > MaxNameLength)
        {
            throw new RuleViolationException("name", $"A unit name has at most {MaxNameLength} characters.");
        }

        return name;
    }

    private void EnsureActive()
    {
        if (Retired)
        {
            throw new RuleViolationException("id", $"'{Name}' was merged into another unit and can no longer change.");
        }
    }

    private void Record(UnitChange change, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        history.Add(new UnitHistoryEntry(Id, Version, change, Name, ParentId, Retired, SuccessorId, now));
    }
}
