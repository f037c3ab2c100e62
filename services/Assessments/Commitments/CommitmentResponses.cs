using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Commitments;

public sealed record CommitmentProgressResponse(Guid Id, string Note, string Actor, DateTimeOffset RecordedAt)
{
    public static CommitmentProgressResponse From(CommitmentProgress p) => new(p.Id, p.Note, p.Actor, p.RecordedAt);
}

/// <param name="Overdue">Its due date has passed (the city's today) and it is not evaluated.</param>
/// <param name="Progress">The progress notes, oldest first; left out of lists.</param>
public sealed record CommitmentResponse(
    Guid Id, Guid PostId, Guid PersonId, Guid UnitId, PostKind Kind, int Year, string Content, DateOnly DueOn, CommitmentStep Step, bool Overdue,
    string MadeBy, DateTimeOffset MadeAt, Rating? Rating, string? Comment, string? EvaluatedBy, DateTimeOffset? EvaluatedAt,
    IReadOnlyList<CommitmentProgressResponse>? Progress)
{
    public static CommitmentResponse From(Commitment c, DateOnly today, IEnumerable<CommitmentProgress>? progress = null) => new(
        c.Id, c.PostId, c.PersonId, c.UnitId, c.Kind, c.Year, c.Content, c.DueOn, c.Step, Commitment.IsOverdue(c.DueOn, c.Step, today), c.MadeBy, c.MadeAt,
        c.Rating, c.Comment, c.EvaluatedBy, c.EvaluatedAt, progress?.Select(CommitmentProgressResponse.From).ToList());
}
