namespace PartyPlatform.Venues.Baseline;

/// <summary>Whether a village had a usable venue when the campaign began (摸底), as its county recorded it.</summary>
public sealed class VillageBaseline
{
    public Guid VillageId { get; private set; }

    public bool HasUsableVenue { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static VillageBaseline Record(Guid villageId, bool hasUsableVenue, string? note, string actor, DateTimeOffset now) =>
        new() { VillageId = villageId, HasUsableVenue = hasUsableVenue, Note = note, RecordedBy = actor, RecordedAt = now };

    /// <returns>Whether anything changed.</returns>
    public bool Change(bool hasUsableVenue, string? note, string actor, DateTimeOffset now)
    {
        if (HasUsableVenue == hasUsableVenue && Note == note)
        {
            return false;
        }

        HasUsableVenue = hasUsableVenue;
        Note = note;
        RecordedBy = actor;
        RecordedAt = now;
        return true;
    }
}
