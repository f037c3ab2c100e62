using System.ComponentModel.DataAnnotations;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.Reports;

/// <param name="PostId">Personnel's post of the county, township or village secretary, in post during <paramref name="Year"/>.</param>
/// <param name="Text">The report (述职): what the secretary did for grassroots Party building that year.</param>
public sealed record SubmitReportRequest(
    [property: Required] Guid? PostId,
    [property: Required, Range(GradingRound.MinYear, GradingRound.MaxYear)] int? Year,
    [property: Required, StringLength(SecretaryReport.MaxTextLength, MinimumLength = 1)] string? Text);

public sealed record RateReportRequest(
    [property: Required] Rating? Rating,
    [property: StringLength(SecretaryReportRating.MaxCommentLength)] string? Comment);

/// <param name="ExamScore">The 联考 score, from 0 to the configured maximum (100).</param>
/// <param name="Result">A result other than the one the rule computes from the ratings; needs <paramref name="Reason"/>.</param>
public sealed record ConcludeReportRequest(
    [property: Required] decimal? ExamScore,
    Rating? Result,
    [property: StringLength(SecretaryReport.MaxReasonLength)] string? Reason);
