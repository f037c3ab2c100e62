namespace PartyPlatform.Venues.Standards;

/// <summary>A venue inspected against a checklist version: which items it meets, and the score that gives.</summary>
public sealed class Inspection
{
    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public int ChecklistVersion { get; private set; }

    public DateOnly InspectedOn { get; private set; }

    public string Inspector { get; private set; } = "";

    public List<string> MetItems { get; private set; } = [];

    /// <summary>Weight of the items met over the checklist's total weight, 0–100, two decimals.</summary>
    public decimal Score { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Inspection Of(Guid venueId, ChecklistVersion checklist, DateOnly inspectedOn, string inspector, IReadOnlyList<string> metItems, string? note, DateTimeOffset now)
    {
        var known = checklist.Items.ToDictionary(i => i.Code);
        for (var i = 0; i < metItems.Count; i++)
        {
            if (!known.ContainsKey(metItems[i]))
            {
                throw new RuleViolationException($"metItems[{i}]", $"Checklist version {checklist.Number} has no item '{metItems[i]}'.");
            }
        }

        var met = metItems.Distinct().ToList();
        return new Inspection
        {
            Id = Guid.CreateVersion7(),
            VenueId = venueId,
            ChecklistVersion = checklist.Number,
            InspectedOn = inspectedOn,
            Inspector = inspector,
            MetItems = met,
            Score = Math.Round(met.Sum(code => known[code].Weight) * 100 / checklist.TotalWeight, 2),
            Note = note,
            RecordedAt = now,
        };
    }
}
