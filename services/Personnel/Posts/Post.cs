using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.Posts;

/// <summary>
/// One term of one person in one post on one unit. History is never overwritten: a term ends, and the next
/// one is a new post. Events carry this state and its version, never the person's ID number or phone.
/// </summary>
public sealed class Post : IPublishedEntity
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public Guid UnitId { get; private set; }

    public PostKind Kind { get; private set; }

    public DateOnly Start { get; private set; }

    /// <summary>The first day out of post (a successor may begin on it); null while the term runs.</summary>
    public DateOnly? End { get; private set; }

    public string? EndReason { get; private set; }

    public long Version { get; private set; } = 1;

    public static Post Begin(Guid personId, Guid unitId, PostKind kind, DateOnly start) =>
        new() { PersonId = personId, UnitId = unitId, Kind = kind, Start = start };

    public void Finish(DateOnly end, string reason)
    {
        if (End is not null)
        {
            throw new ConflictException($"This term already ended on {End:yyyy-MM-dd}.");
        }

        if (end <= Start)
        {
            throw new RuleViolationException("end", $"A term that began on {Start:yyyy-MM-dd} ends on a later day, not {end:yyyy-MM-dd}.");
        }

        End = end;
        EndReason = reason;
        Version++;
    }

    /// <summary>
    /// Ends the term because its unit was merged away. A term that was to begin on or after the merge day
    /// never ran there: it ends the day after its start, so that it still reads as a term and not as a gap.
    /// </summary>
    public void EndByMerge(DateOnly mergedOn)
    {
        End = mergedOn > Start ? mergedOn : Start.AddDays(1);
        EndReason = "撤并: the unit was merged away";
        Version++;
    }

    public PostChanged ToEvent(DateTimeOffset now) => new(Id, Version, PersonId, UnitId, Kind, Start, End, now);
}
