using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Merges;

/// <summary>
/// A holder whose term ended because the unit was merged away (撤并), listed for re-posting in the
/// successor. It is settled once the person begins any term on or after the merge day.
/// </summary>
public sealed class Reposting
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public Guid FormerPostId { get; private set; }

    public PostKind Kind { get; private set; }

    public Guid RetiredUnitId { get; private set; }

    public Guid SuccessorId { get; private set; }

    public DateOnly MergedOn { get; private set; }

    public static Reposting For(Guid personId, Guid formerPostId, PostKind kind, Guid retiredUnitId, Guid successorId, DateOnly mergedOn) =>
        new()
        {
            PersonId = personId, FormerPostId = formerPostId, Kind = kind, RetiredUnitId = retiredUnitId, SuccessorId = successorId, MergedOn = mergedOn,
        };
}
