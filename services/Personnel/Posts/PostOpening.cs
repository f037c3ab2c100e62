using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Posts;

/// <summary>
/// Beginning a term, for <c>POST /posts</c> and for the changes that begin one as part of something larger
/// (hiring a college-graduate official), so that every term of the post history passes the same checks.
/// </summary>
public static class PostOpening
{
    private const string ImportLock = "posts:import";

    /// <summary>
    /// The unit a term of <paramref name="kind"/> begins on: of the tree, in the caller's unit (else 403),
    /// in service and of the post's level; a unit of another level is refused under <paramref name="levelField"/>.
    /// </summary>
    public static async Task<UnitReplica> UnitAsync(PersonnelDb db, ReplicaScope scope, Guid unitId, PostKind kind, string levelField, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
                   ?? throw new RuleViolationException("unitId", $"{unitId} is not a unit of the tree.");
        await scope.EnsureBodyUnitAsync(unit.Id, $"Unit '{unit.Name}'", ct);
        CheckUnit(unit, kind, levelField);
        return unit;
    }

    /// <summary>A term of <paramref name="kind"/> begins on a unit in service and of the post's level (else refused under <paramref name="levelField"/>).</summary>
    public static void CheckUnit(UnitReplica unit, PostKind kind, string levelField)
    {
        if (unit.Retired)
        {
            throw new RuleViolationException("unitId", $"'{unit.Name}' is retired (merged away): a post begins on a unit in service.");
        }

        if (unit.Level != PostRules.LevelOf(kind))
        {
            throw new RuleViolationException(levelField, $"A {kind} post sits on a {PostRules.LevelOf(kind).ToString().ToLowerInvariant()}; '{unit.Name}' is a {unit.Level.ToString().ToLowerInvariant()}.");
        }
    }

    /// <summary>
    /// The person must be one the caller may see (elsewhere it reads as no person at all), and one who may
    /// hold the post: a first secretary comes from a township or county (<see cref="PostRules.CheckHolder"/>).
    /// </summary>
    public static async Task EnsureHolderAsync(PersonnelDb db, ReplicaScope scope, Guid personId, PostKind kind, CancellationToken ct)
    {
        var person = await scope.FoundAsync(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct), p => p.UnitId, ct)
                     ?? throw new RuleViolationException("personId", $"{personId} is not a person of your unit.");
        PostRules.CheckHolder(kind, await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.Level).SingleAsync(ct));
    }

    /// <summary>
    /// Adds the term and its event unless it overlaps one it may not (409). Call it inside the caller's
    /// transaction, which holds the lock it takes until commit.
    /// </summary>
    public static async Task<Post> BeginAsync(PersonnelDb db, UnitReplica unit, Guid personId, PostKind kind, DateOnly start, DateTimeOffset now, CancellationToken ct)
    {
        // One begin at a time per unit and kind: two overlapping terms of a one-holder post would each pass the check alone.
        // Shared with other begins and exclusive to an import, which begins terms on many units at once (LockForImportAsync).
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock_shared(hashtextextended({ImportLock}, 0)), pg_advisory_xact_lock(hashtextextended({$"post:{unit.Id}:{kind}"}, 0))", ct);
        var terms = await db.Posts.AsNoTracking()
            .Where(p => p.UnitId == unit.Id && p.Kind == kind && (p.End == null || start < p.End))
            .ToListAsync(ct);
        return Begin(db, unit, terms, personId, kind, start, now);
    }

    /// <summary>
    /// Keeps every other begin waiting until the caller's transaction ends: an import checks its terms
    /// against all the units it names at once, where one lock per unit and kind would be thousands.
    /// </summary>
    public static async Task LockForImportAsync(PersonnelDb db, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({ImportLock}, 0))", ct);

    /// <summary>
    /// Adds the term and its event unless one of <paramref name="terms"/> (the unit's terms of this kind,
    /// or at least those not ended by <paramref name="start"/>) keeps it from beginning (409): every term of a
    /// one-holder post, or the person's own term of a post with many holders. The new term runs open-ended,
    /// so every term that has not ended by its start overlaps it.
    /// </summary>
    public static Post Begin(PersonnelDb db, UnitReplica unit, IEnumerable<Post> terms, Guid personId, PostKind kind, DateOnly start, DateTimeOffset now)
    {
        var oneHolder = PostRules.HasOneHolder(kind);
        var taken = terms
            .Where(p => p.UnitId == unit.Id && p.Kind == kind && (oneHolder || p.PersonId == personId))
            .Where(p => p.End == null || start < p.End)
            .MinBy(p => p.Start);
        if (taken is not null)
        {
            throw new ConflictException(taken.PersonId == personId
                ? $"This person already holds {kind} on '{unit.Name}' from {taken.Start:yyyy-MM-dd}."
                : $"{kind} on '{unit.Name}' is held from {taken.Start:yyyy-MM-dd}{(taken.End is { } end ? $" until {end:yyyy-MM-dd}" : "")}: end that term first.");
        }

        var post = Post.Begin(personId, unit.Id, kind, start);
        db.Posts.Add(post);
        db.PublishOnCommit(post.ToEvent(now));
        return post;
    }
}
