using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;

namespace PartyPlatform.Assessments.Secretaries;

public static class SecretaryQueries
{
    /// <summary>
    /// The secretary a body's <c>postId</c> names for <paramref name="year"/>: 400 naming the field for a post Personnel never
    /// published, one that is not a secretary's, or one not held during the year; 403 when the post's unit is outside the caller's.
    /// </summary>
    public static async Task<Secretary> SecretaryInPostAsync(this AssessmentsDb db, ReplicaScope scope, Guid postId, int year, CancellationToken ct)
    {
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct)
                   ?? throw new RuleViolationException("postId", "No post of Personnel has this id.");
        await scope.EnsureBodyUnitAsync(post.Fact.UnitId, "The post's unit", ct);
        if (!Secretary.IsSecretaryPost(post.Fact.Kind))
        {
            throw new RuleViolationException("postId", $"The post is a {post.Fact.Kind}'s, not a county, township or village Party secretary's.");
        }

        if (!Secretary.WasInPost(post.Fact.Start, post.Fact.End, year))
        {
            throw new RuleViolationException("year", $"The secretary was not in post during {year} (from {post.Fact.Start:yyyy-MM-dd}{(post.Fact.End is { } end ? $" until {end:yyyy-MM-dd}" : "")}).");
        }

        return new Secretary(post.Id, post.Fact.PersonId, post.Fact.UnitId, post.Fact.Kind);
    }
}
