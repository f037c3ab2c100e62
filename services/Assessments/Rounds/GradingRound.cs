namespace PartyPlatform.Assessments.Rounds;

/// <summary>
/// A year's grading of every village Party organisation (升级晋档). It keeps the indicators it opened with, so that a
/// change to the city's terms applies from the next round, and the organisations it covers (see <see cref="RoundOrganization"/>).
/// </summary>
public sealed class GradingRound
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private GradingRound()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public int Year { get; private set; }

    public DateOnly Deadline { get; private set; }

    public List<GradingIndicator> Indicators { get; private set; } = [];

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the deadline's shortfall was recorded, once; null before the deadline passed.</summary>
    public DateTimeOffset? ShortfallRecordedAt { get; private set; }

    public static GradingRound Open(int year, DateOnly deadline, IEnumerable<GradingIndicator> indicators, string actor, DateTimeOffset now)
    {
        if (deadline.Year != year)
        {
            throw new RuleViolationException("deadline", $"The round of {year} must be complete within {year}; {deadline:yyyy-MM-dd} is not.");
        }

        return new GradingRound
        {
            Year = year, Deadline = deadline, OpenedBy = actor, OpenedAt = now,
            Indicators = [.. indicators.Select(i => new GradingIndicator { Code = i.Code, Name = i.Name, MaxScore = i.MaxScore })],
        };
    }

    public bool IsPast(DateOnly today) => today > Deadline;

    public void RecordShortfall(DateTimeOffset now) => ShortfallRecordedAt = now;
}
