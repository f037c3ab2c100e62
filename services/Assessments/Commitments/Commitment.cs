using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Commitments;

/// <summary>
/// A secretary's public commitment for a year (亮诺): what and by when; progress notes while it is kept (践诺); then
/// the level above evaluates it (评诺), which closes it. Overdue while its due date has passed unevaluated.
/// </summary>
public sealed class Commitment
{
    public const int MaxContentLength = 2000;
    public const int MaxCommentLength = 2000;

    private Commitment()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PostId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid UnitId { get; private set; }

    public PostKind Kind { get; private set; }

    public int Year { get; private set; }

    public string Content { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public CommitmentStep Step { get; private set; }

    public string MadeBy { get; private set; } = "";

    public DateTimeOffset MadeAt { get; private set; }

    public Rating? Rating { get; private set; }

    public string? Comment { get; private set; }

    public string? EvaluatedBy { get; private set; }

    public DateTimeOffset? EvaluatedAt { get; private set; }

    public long Version { get; private set; } = 1;

    public static Commitment Make(Secretary secretary, int year, string content, DateOnly dueOn, string actor, DateTimeOffset now)
    {
        if (dueOn.Year != year)
        {
            throw new RuleViolationException("dueOn", $"A commitment for {year} falls due within {year}; {dueOn:yyyy-MM-dd} does not.");
        }

        return new Commitment
        {
            PostId = secretary.PostId, PersonId = secretary.PersonId, UnitId = secretary.UnitId, Kind = secretary.Kind, Year = year, Content = content,
            DueOn = dueOn, Step = CommitmentStep.Made, MadeBy = actor, MadeAt = now,
        };
    }

    /// <summary>Overdue: its due date has passed (in the city's calendar) and it is not evaluated.</summary>
    public static bool IsOverdue(DateOnly dueOn, CommitmentStep step, DateOnly today) => step != CommitmentStep.Evaluated && dueOn < today;

    public CommitmentProgress Keep(string note, string actor, DateTimeOffset now)
    {
        EnsureOpen("A progress note");
        Step = CommitmentStep.Kept;
        Version++;
        return CommitmentProgress.Of(this, note, actor, now);
    }

    public void Evaluate(Rating rating, string? comment, string actor, DateTimeOffset now)
    {
        EnsureOpen("Another evaluation");
        Rating = rating;
        Comment = comment;
        EvaluatedBy = actor;
        EvaluatedAt = now;
        Step = CommitmentStep.Evaluated;
        Version++;
    }

    private void EnsureOpen(string what)
    {
        if (Step == CommitmentStep.Evaluated)
        {
            throw new ConflictException($"The commitment was evaluated on {EvaluatedAt:yyyy-MM-dd}, which closed it; {what} is out of order.");
        }
    }
}
