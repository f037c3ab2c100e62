namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// A village was put on the election watch list, or taken off it. Published for every version with the
/// entry's whole state; a consumer keeps the newest per entry. The reasons stay in Personnel.
/// </summary>
/// <param name="ClearedOn">The day the entry was cleared; null while the village is watched.</param>
public sealed record WatchListEntryChanged(
    Guid EntryId,
    long Version,
    Guid UnitId,
    WatchListKind Kind,
    WatchListSource Source,
    DateOnly FlaggedOn,
    DateOnly? ClearedOn,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => EntryId;
}
