namespace PartyPlatform.Venues.Standards;

/// <summary>
/// One version of the city's standardisation checklist ("五化六通六室七有"). Versions are never
/// edited once published: a change is a new version, and a venue keeps the version it was inspected against.
/// </summary>
public sealed class ChecklistVersion
{
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Inspections on or after this day use this version (until a later one takes over).</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public List<ChecklistItem> Items { get; private set; } = [];

    public string PublishedBy { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public decimal TotalWeight => Items.Sum(i => i.Weight);

    public static ChecklistVersion Publish(int number, string title, DateOnly effectiveFrom, IReadOnlyList<ChecklistItem> items, string actor, DateTimeOffset now)
    {
        if (items.Count == 0)
        {
            throw new RuleViolationException("items", "A checklist needs at least one item.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Code) || string.IsNullOrWhiteSpace(items[i].Group) || string.IsNullOrWhiteSpace(items[i].Name))
            {
                throw new RuleViolationException($"items[{i}]", "An item needs a code, a group and a name.");
            }

            if (items[i].Weight <= 0)
            {
                throw new RuleViolationException($"items[{i}].weight", "An item's weight must be positive.");
            }
        }

        if (items.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new RuleViolationException("items", $"Item code '{duplicate.Key}' appears more than once.");
        }

        return new ChecklistVersion
        {
            Number = number, Title = title, EffectiveFrom = effectiveFrom, Items = [.. items], PublishedBy = actor, PublishedAt = now,
        };
    }
}

/// <summary>One item of the checklist: its code, its group (e.g. 六通), what it asks, and its weight in the score.</summary>
public sealed record ChecklistItem(string Code, string Group, string Name, decimal Weight);
