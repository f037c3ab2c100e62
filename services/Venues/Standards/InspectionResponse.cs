namespace PartyPlatform.Venues.Standards;

/// <summary>An inspection with the items it found met and unmet, both in the checklist's order.</summary>
public sealed record InspectionResponse(
    Guid Id,
    Guid VenueId,
    int ChecklistVersion,
    DateOnly InspectedOn,
    string Inspector,
    decimal Score,
    IReadOnlyList<string> MetItems,
    IReadOnlyList<string> UnmetItems,
    string? Note,
    DateTimeOffset RecordedAt)
{
    public static InspectionResponse From(Inspection i, ChecklistVersion checklist)
    {
        var met = i.MetItems.ToHashSet();
        var codes = checklist.Items.Select(item => item.Code).ToList();
        return new(i.Id, i.VenueId, i.ChecklistVersion, i.InspectedOn, i.Inspector, i.Score,
            codes.Where(met.Contains).ToList(), codes.Where(c => !met.Contains(c)).ToList(), i.Note, i.RecordedAt);
    }
}
