using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Targets;

/// <param name="GoodShareAtLeast">好 + 较好 at least this share of the results, in percent (one decimal at most).</param>
/// <param name="PoorShareAtMost">较差 at most this share of the results, in percent (one decimal at most).</param>
public sealed record SetTargetsRequest(
    [property: Required, Range(0, 100)] decimal? GoodShareAtLeast,
    [property: Required, Range(0, 100)] decimal? PoorShareAtMost);

/// <param name="Grade">The grade the county expects of the village this year; null takes the target away.</param>
public sealed record SetVillageTargetRequest(Grade? Grade);
