using System.ComponentModel.DataAnnotations;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.Commitments;

/// <param name="PostId">Personnel's post of the county, township or village secretary who commits, in post during <paramref name="Year"/>.</param>
/// <param name="Content">What the secretary commits to, as made public.</param>
/// <param name="DueOn">By when, within <paramref name="Year"/>.</param>
public sealed record MakeCommitmentRequest(
    [property: Required] Guid? PostId,
    [property: Required, Range(GradingRound.MinYear, GradingRound.MaxYear)] int? Year,
    [property: Required, StringLength(Commitment.MaxContentLength, MinimumLength = 1)] string? Content,
    [property: Required] DateOnly? DueOn);

public sealed record CommitmentProgressRequest([property: Required, StringLength(CommitmentProgress.MaxNoteLength, MinimumLength = 1)] string? Note);

public sealed record EvaluateCommitmentRequest(
    [property: Required] Rating? Rating,
    [property: StringLength(Commitment.MaxCommentLength)] string? Comment);
