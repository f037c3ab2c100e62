using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.FirstSecretaries;

public static class FirstSecretaryTerms
{
    /// <summary>First-secretary terms not ended by <paramref name="today"/>: one ending on a later day still holds its village, and so does one assigned to begin later.</summary>
    public static IQueryable<Post> Running(IQueryable<Post> posts, DateOnly today) =>
        posts.Where(p => p.Kind == PostKind.FirstSecretary && (p.End == null || p.End > today));
}
