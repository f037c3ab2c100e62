using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.TownshipSecretaries;

/// <summary>
/// A township secretary barred from the city's awards or from promotion, with the reason and the fact it
/// came from. Raised on the secretary's term; it follows the person. Lifting keeps the flag as history.
/// </summary>
public sealed class EligibilityFlag : IPublishedEntity
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PostId { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid UnitId { get; private set; }

    public EligibilityKind Kind { get; private set; }

    public EligibilitySource Source { get; private set; }

    /// <summary>The fact it came from; one flag of a kind per fact, however often the fact is delivered.</summary>
    public Guid? FactId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateOnly FlaggedOn { get; private set; }

    public DateOnly? LiftedOn { get; private set; }

    public string? LiftReason { get; private set; }

    public long Version { get; private set; } = 1;

    public static EligibilityFlag Raise(
        Guid postId, Guid personId, Guid unitId, EligibilityKind kind, EligibilitySource source, Guid? factId, string reason, DateOnly on) =>
        new() { PostId = postId, PersonId = personId, UnitId = unitId, Kind = kind, Source = source, FactId = factId, Reason = reason, FlaggedOn = on };

    public void Lift(DateOnly on, string reason)
    {
        if (LiftedOn is { } lifted)
        {
            throw new ConflictException($"This flag was lifted on {lifted:yyyy-MM-dd}.");
        }

        LiftedOn = on < FlaggedOn ? FlaggedOn : on;
        LiftReason = reason;
        Version++;
    }

    public EligibilityFlagChanged ToEvent(DateTimeOffset now) =>
        new(Id, Version, PostId, PersonId, UnitId, Kind, Source, FactId, Reason, FlaggedOn, LiftedOn, now);
}
