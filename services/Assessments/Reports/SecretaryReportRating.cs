using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.Reports;

/// <summary>
/// One evaluator's rating of a report (评). The evaluator is the signed-in account of the level above: each rating has
/// someone accountable for it, and the platform can hold each evaluator to one rating.
/// </summary>
public sealed class SecretaryReportRating
{
    public const int MaxCommentLength = 2000;

    private SecretaryReportRating()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ReportId { get; private set; }

    public string Evaluator { get; private set; } = "";

    public Rating Rating { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    public static SecretaryReportRating Of(SecretaryReport report, string evaluator, Rating rating, string? comment, DateTimeOffset now) =>
        new() { ReportId = report.Id, Evaluator = evaluator, Rating = rating, Comment = comment, RatedAt = now };
}
