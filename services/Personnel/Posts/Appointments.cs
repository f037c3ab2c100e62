using Microsoft.EntityFrameworkCore;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Posts;

public static class Appointments
{
    /// <summary>
    /// Adds a new term, inside the caller's transaction, unless it overlaps a term of the same post on the
    /// unit (409): every term that has not ended by its start overlaps it, since it runs open-ended.
    /// </summary>
    public static async Task BeginTermAsync(this PersonnelDb db, Post post, string unitName, DateTimeOffset now, CancellationToken ct)
    {
        // One begin at a time per unit and kind: two overlapping terms of a one-holder post would each pass the check alone.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"post:{post.UnitId}:{post.Kind}"}, 0))", ct);
        var oneHolder = PostRules.HasOneHolder(post.Kind);
        var taken = await db.Posts.AsNoTracking()
            .Where(p => p.UnitId == post.UnitId && p.Kind == post.Kind && (oneHolder || p.PersonId == post.PersonId))
            .Where(p => p.End == null || post.Start < p.End)
            .OrderBy(p => p.Start)
            .FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            throw new ConflictException(taken.PersonId == post.PersonId
                ? $"This person already holds {post.Kind} on '{unitName}' from {taken.Start:yyyy-MM-dd}."
                : $"{post.Kind} on '{unitName}' is held from {taken.Start:yyyy-MM-dd}{(taken.End is { } end ? $" until {end:yyyy-MM-dd}" : "")}: end that term first.");
        }

        db.Posts.Add(post);
        db.PublishOnCommit(post.ToEvent(now));
    }
}
