using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>A county or township that missed the venue deadline, as Venues stated it; never changes.</summary>
public sealed class DeadlineFact
{
    public Guid FactId { get; private set; }

    public Guid UnitId { get; private set; }

    public string UnitName { get; private set; } = "";

    public string? UnitCode { get; private set; }

    public UnitLevel Level { get; private set; }

    public DateOnly Deadline { get; private set; }

    public int Villages { get; private set; }

    public int VillagesWithVenue { get; private set; }

    public decimal CoveragePercent { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public static DeadlineFact From(VenueDeadlineMissed fact) => new()
    {
        FactId = fact.FactId,
        UnitId = fact.UnitId,
        UnitName = fact.UnitName,
        UnitCode = fact.UnitCode,
        Level = fact.Level,
        Deadline = fact.Deadline,
        Villages = fact.Villages,
        VillagesWithVenue = fact.VillagesWithVenue,
        CoveragePercent = fact.CoveragePercent,
        Reason = fact.Reason,
        // PostgreSQL keeps instants in UTC; an event may carry the city's offset.
        OccurredAt = fact.OccurredAt.ToUniversalTime(),
    };
}
