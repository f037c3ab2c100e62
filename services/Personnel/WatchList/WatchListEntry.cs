using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.WatchList;

/// <summary>
/// One village (or community) on the watch list before the next village election, for one reason of one
/// kind, from one source. Clearing keeps the entry: the list's history is the record of what was watched.
/// An entry from another service's fact keeps that fact's id, unique per source, so that the fact delivered
/// again adds nothing; a hand flag has none.
/// </summary>
public sealed class WatchListEntry : IPublishedEntity
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid UnitId { get; private set; }

    public WatchListKind Kind { get; private set; }

    public WatchListSource Source { get; private set; }

    /// <summary>The Surveys or Assessments fact the entry came from; null for a hand flag.</summary>
    public Guid? FactId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateOnly FlaggedOn { get; private set; }

    /// <summary>The day the village came off the list; null while it is watched.</summary>
    public DateOnly? ClearedOn { get; private set; }

    public string? ClearReason { get; private set; }

    public long Version { get; private set; } = 1;

    public bool IsOpen => ClearedOn is null;

    public static WatchListEntry FlagByHand(Guid unitId, WatchListKind kind, string reason, DateOnly today) =>
        new() { UnitId = unitId, Kind = kind, Source = WatchListSource.Hand, Reason = reason, FlaggedOn = today };

    /// <summary>An entry from another service's fact (Surveys' 后进, Assessments' 较差), kept with the fact's id.</summary>
    public static WatchListEntry FlagFromFact(Guid unitId, WatchListKind kind, WatchListSource source, Guid factId, string reason, DateOnly today)
    {
        if (source == WatchListSource.Hand)
        {
            throw new ArgumentException("A hand flag comes from no fact.", nameof(source));
        }

        return new() { UnitId = unitId, Kind = kind, Source = source, FactId = factId, Reason = reason, FlaggedOn = today };
    }

    /// <summary>Watched again, for the same fact (a village reclassified 后进 after it was cleared): the open entry takes the new reason.</summary>
    public void Reopen(string reason, DateOnly today)
    {
        if (ClearedOn is null)
        {
            throw new ConflictException("This entry is open.");
        }

        (Reason, FlaggedOn, ClearedOn, ClearReason) = (reason, today, null, null);
        Version++;
    }

    public void Clear(string reason, DateOnly today)
    {
        if (ClearedOn is { } cleared)
        {
            throw new ConflictException($"This entry was cleared on {cleared:yyyy-MM-dd}.");
        }

        ClearedOn = today;
        ClearReason = reason;
        Version++;
    }

    public WatchListEntryChanged ToEvent(DateTimeOffset now) => new(Id, Version, UnitId, Kind, Source, FlaggedOn, ClearedOn, now);
}
