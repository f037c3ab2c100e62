using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Personnel.Posts;

/// <param name="End">The first day out of post.</param>
public sealed record EndPostRequest(
    [property: Required] DateOnly? End,
    [property: Required, StringLength(PostLimits.EndReason, MinimumLength = 1)] string? Reason);
