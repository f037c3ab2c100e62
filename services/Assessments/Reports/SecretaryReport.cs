using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Reports;

/// <summary>
/// A secretary's yearly report on grassroots Party building (联述联评联考): the report (述), the ratings of the level
/// above's evaluators, each once (评), then the result the city's rule computes from them, which the evaluating level may
/// override with a reason, and the 考 score. Steps go only forward; a concluded report is final.
/// </summary>
public sealed class SecretaryReport
{
    public const int MaxTextLength = 8000;
    public const int MaxReasonLength = 2000;

    private SecretaryReport()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PostId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The secretary's unit (a county, township or village), which scopes the report.</summary>
    public Guid UnitId { get; private set; }

    public PostKind Kind { get; private set; }

    public int Year { get; private set; }

    public string Text { get; private set; } = "";

    public ReportStep Step { get; private set; }

    public string ReportedBy { get; private set; } = "";

    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>The average points of the ratings when it was concluded.</summary>
    public decimal? Points { get; private set; }

    /// <summary>The result the rule computed from the ratings.</summary>
    public Rating? ComputedResult { get; private set; }

    /// <summary>The result: the computed one, or the evaluating level's override.</summary>
    public Rating? Result { get; private set; }

    public string? OverrideReason { get; private set; }

    /// <summary>The 联考 score, from 0 to the configured maximum.</summary>
    public decimal? ExamScore { get; private set; }

    public string? ConcludedBy { get; private set; }

    public DateTimeOffset? ConcludedAt { get; private set; }

    public long Version { get; private set; } = 1;

    public static SecretaryReport Submit(Secretary secretary, int year, string text, string actor, DateTimeOffset now) => new()
    {
        PostId = secretary.PostId, PersonId = secretary.PersonId, UnitId = secretary.UnitId, Kind = secretary.Kind, Year = year, Text = text,
        Step = ReportStep.Reported, ReportedBy = actor, ReportedAt = now,
    };

    /// <summary>An evaluator's rating, once per evaluator, until the result is concluded.</summary>
    public SecretaryReportRating Rate(string evaluator, Rating rating, string? comment, bool ratedBefore, DateTimeOffset now)
    {
        EnsureOpen("A rating");
        if (ratedBefore)
        {
            throw new ConflictException("You have rated this report already; each evaluator rates it once.");
        }

        Step = ReportStep.Rated;
        Version++;
        return SecretaryReportRating.Of(this, evaluator, rating, comment, now);
    }

    /// <summary>
    /// The result by <paramref name="rule"/> from <paramref name="ratings"/>, or <paramref name="overriddenTo"/> with its reason,
    /// and the 考 score. Final.
    /// </summary>
    public void Conclude(
        IReadOnlyCollection<Rating> ratings, SecretaryReportOptions rule, decimal examScore, Rating? overriddenTo, string? reason, string actor, DateTimeOffset now)
    {
        EnsureOpen("The result");
        if (Step != ReportStep.Rated)
        {
            throw new ConflictException("The report has no ratings yet; its result is computed from them, so it comes after them.");
        }

        if (examScore < 0 || examScore > rule.MaxExamScore)
        {
            throw new RuleViolationException("examScore", $"The 考 score lies between 0 and {rule.MaxExamScore}; {examScore} does not.");
        }

        if (overriddenTo is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("reason", "A result other than the computed one needs the reason for it.");
        }

        var (points, computed) = rule.ResultOf(ratings);
        Points = points;
        ComputedResult = computed;
        Result = overriddenTo ?? computed;
        OverrideReason = overriddenTo is null ? null : reason!.Trim();
        ExamScore = examScore;
        ConcludedBy = actor;
        ConcludedAt = now;
        Step = ReportStep.Concluded;
        Version++;
    }

    private void EnsureOpen(string what)
    {
        if (Step == ReportStep.Concluded)
        {
            throw new ConflictException($"The report's result was concluded on {ConcludedAt:yyyy-MM-dd}; {what} after it is out of order.");
        }
    }
}
