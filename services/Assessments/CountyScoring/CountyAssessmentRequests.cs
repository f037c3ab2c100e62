using System.ComponentModel.DataAnnotations;
using PartyPlatform.Assessments.Rounds;

namespace PartyPlatform.Assessments.CountyScoring;

/// <param name="Year">One assessment a year; it opens with the city's configured indicators and deduction rules.</param>
public sealed record OpenCountyAssessmentRequest([property: Required, Range(GradingRound.MinYear, GradingRound.MaxYear)] int? Year);

/// <param name="Indicators">The whole set; their weights must sum to the assessment's total (100 today).</param>
/// <param name="Deductions">The whole set of deduction rules; empty for none.</param>
public sealed record ChangeIndicatorsRequest(
    [property: Required, MinLength(1), MaxLength(30)] List<IndicatorRequest>? Indicators,
    [property: Required, MaxLength(30)] List<DeductionRuleRequest>? Deductions);

public sealed record IndicatorRequest(
    [property: Required, StringLength(AssessmentIndicator.MaxCodeLength, MinimumLength = 1)] string? Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string? Name,
    [property: Required, Range(0.01, 1000)] decimal? Weight,
    [property: Required] IndicatorSource? Source);

public sealed record DeductionRuleRequest(
    [property: Required, StringLength(AssessmentIndicator.MaxCodeLength, MinimumLength = 1)] string? Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string? Name,
    [property: Required, Range(0.01, 1000)] decimal? Points,
    [property: Required] DeductionSource? Fact);

/// <param name="Points">From 0 to the indicator's weight.</param>
/// <param name="Note">What the points rest on.</param>
public sealed record EnterScoreRequest(
    [property: Required, Range(0, 1000)] decimal? Points,
    [property: StringLength(1000)] string? Note);
