using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Reports;

public sealed record ReportRatingResponse(Guid Id, string Evaluator, Rating Rating, string? Comment, DateTimeOffset RatedAt)
{
    public static ReportRatingResponse From(SecretaryReportRating r) => new(r.Id, r.Evaluator, r.Rating, r.Comment, r.RatedAt);
}

/// <param name="Ratings">The evaluators' ratings, oldest first; left out of lists.</param>
/// <param name="Overridden">Whether the result differs from the one the rule computed (the reason in <paramref name="OverrideReason"/>).</param>
public sealed record ReportResponse(
    Guid Id, Guid PostId, Guid PersonId, Guid UnitId, PostKind Kind, int Year, string Text, ReportStep Step, string ReportedBy, DateTimeOffset ReportedAt,
    decimal? Points, Rating? ComputedResult, Rating? Result, bool Overridden, string? OverrideReason, decimal? ExamScore, string? ConcludedBy,
    DateTimeOffset? ConcludedAt, IReadOnlyList<ReportRatingResponse>? Ratings)
{
    public static ReportResponse From(SecretaryReport r, IEnumerable<SecretaryReportRating>? ratings = null) => new(
        r.Id, r.PostId, r.PersonId, r.UnitId, r.Kind, r.Year, r.Text, r.Step, r.ReportedBy, r.ReportedAt, r.Points, r.ComputedResult, r.Result,
        r.OverrideReason is not null, r.OverrideReason, r.ExamScore, r.ConcludedBy, r.ConcludedAt, ratings?.Select(ReportRatingResponse.From).ToList());
}
