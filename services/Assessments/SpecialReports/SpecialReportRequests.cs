using System.ComponentModel.DataAnnotations;
using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.SpecialReports;

/// <param name="CountyId">The county a venue deadline fact requires the special report of.</param>
/// <param name="Text">The county secretary's report on venue construction: why the county fell short, and what it does about it.</param>
public sealed record SubmitSpecialReportRequest(
    [property: Required] Guid? CountyId,
    [property: Required, StringLength(SpecialReport.MaxTextLength, MinimumLength = 1)] string? Text);

public sealed record EvaluateSpecialReportRequest(
    [property: Required] Rating? Rating,
    [property: StringLength(SpecialReport.MaxCommentLength)] string? Comment);
