using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Assessments.Rounds;

/// <param name="Year">One round a year.</param>
/// <param name="Deadline">The day the round must be complete by, within its year; the city's configured day (31 December) when left out.</param>
public sealed record OpenRoundRequest(
    [property: Required, Range(GradingRound.MinYear, GradingRound.MaxYear)] int? Year,
    DateOnly? Deadline);
