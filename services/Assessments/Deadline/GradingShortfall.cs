using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Deadline;

/// <summary>A county's village organisations left without a result when its round's deadline passed: a fact, recorded once.</summary>
public sealed class GradingShortfall
{
    private GradingShortfall()
    {
    }

    public Guid FactId { get; private set; } = Guid.CreateVersion7();

    public Guid RoundId { get; private set; }

    public int Year { get; private set; }

    public Guid CountyId { get; private set; }

    public string CountyName { get; private set; } = "";

    public DateOnly Deadline { get; private set; }

    public int Organizations { get; private set; }

    public int Ungraded { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static GradingShortfall Record(Guid roundId, int year, Guid countyId, string countyName, DateOnly deadline, int organizations, int ungraded, DateTimeOffset now) => new()
    {
        RoundId = roundId, Year = year, CountyId = countyId, CountyName = countyName, Deadline = deadline, Organizations = organizations,
        Ungraded = ungraded, RecordedAt = now,
    };

    public GradingDeadlineMissed ToEvent() => new(FactId, RoundId, Year, CountyId, CountyName, Deadline, Organizations, Ungraded, RecordedAt);
}
