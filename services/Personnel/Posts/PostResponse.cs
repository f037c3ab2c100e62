using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Posts;

public sealed record PostResponse(Guid Id, Guid PersonId, Guid UnitId, PostKind Kind, DateOnly Start, DateOnly? End, string? EndReason, long Version)
{
    public static PostResponse From(Post post) =>
        new(post.Id, post.PersonId, post.UnitId, post.Kind, post.Start, post.End, post.EndReason, post.Version);
}
