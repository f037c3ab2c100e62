using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Coverage;

namespace PartyPlatform.Venues.Deadline;

/// <summary>
/// The deadline was checked after it passed and its facts were published. One row per deadline:
/// the primary key is what makes the check idempotent across retries, instances and restarts.
/// </summary>
public sealed class DeadlineReckoning
{
    public DateOnly Deadline { get; private set; }

    public DateTimeOffset ReckonedAt { get; private set; }

    public int CountiesShort { get; private set; }

    /// <summary>Every county and township that was short, as published.</summary>
    public List<DeadlineShortfall> Shortfalls { get; private set; } = [];

    public static DeadlineReckoning Of(DateOnly deadline, IReadOnlyList<DeadlineShortfall> shortfalls, DateTimeOffset now) =>
        new() { Deadline = deadline, Shortfalls = [.. shortfalls], ReckonedAt = now };
}

/// <summary>A county or township short of full coverage when the deadline passed, and the fact published about it.</summary>
public sealed record DeadlineShortfall(Guid FactId, Guid UnitId, string UnitName, string? UnitCode, UnitLevel Level, int Villages, int VillagesWithVenue, string Reason)
{
    public VenueDeadlineMissed ToFact(DateOnly deadline, DateTimeOffset occurredAt) => new(
        FactId, UnitId, UnitName, UnitCode, Level, deadline, Villages, VillagesWithVenue, CoverageFigures.Percent(Villages, VillagesWithVenue), Reason, occurredAt);
}
