using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.WatchList;

public sealed record WatchListEntryResponse(
    Guid Id,
    Guid UnitId,
    WatchListKind Kind,
    WatchListSource Source,
    Guid? FactId,
    string Reason,
    DateOnly FlaggedOn,
    DateOnly? ClearedOn,
    string? ClearReason,
    long Version)
{
    public static WatchListEntryResponse From(WatchListEntry entry) => new(
        entry.Id, entry.UnitId, entry.Kind, entry.Source, entry.FactId, entry.Reason, entry.FlaggedOn, entry.ClearedOn, entry.ClearReason, entry.Version);
}
