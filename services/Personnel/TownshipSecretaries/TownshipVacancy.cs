using PartyPlatform.Contracts.Venues;

namespace PartyPlatform.Personnel.TownshipSecretaries;

/// <summary>
/// A fact that should have flagged a township secretary found none recorded in post on its day: the
/// township is listed as vacant with the fact, so the gap in the records is seen rather than the fact lost.
/// </summary>
public sealed class TownshipVacancy
{
    public Guid FactId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The day on which no secretary was in post.</summary>
    public DateOnly VacantOn { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static TownshipVacancy From(VenueDeadlineMissed fact, DateTimeOffset now) =>
        new() { FactId = fact.FactId, UnitId = fact.UnitId, VacantOn = fact.Deadline, Reason = fact.Reason, RecordedAt = now };
}
