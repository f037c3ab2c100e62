namespace PartyPlatform.Personnel.TownshipSecretaries;

/// <summary>
/// A mid-term change of a township's Party secretary (届中调整), filed by the county and approved or
/// rejected by the city with its reasons (审批备案). Nothing changes in the posts until it is approved.
/// </summary>
public sealed class SecretaryChange
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TownshipId { get; private set; }

    /// <summary>The secretary's term that the change ends.</summary>
    public Guid OutgoingPostId { get; private set; }

    /// <summary>Who takes the post; null leaves it vacant until a term begins.</summary>
    public Guid? IncomingPersonId { get; private set; }

    /// <summary>The day asked for; an approval after it takes effect on the day of approval.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public string Reason { get; private set; } = "";

    public DateOnly FiledOn { get; private set; }

    public SecretaryChangeStatus Status { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? Decision { get; private set; }

    /// <summary>The day the change took effect, once approved.</summary>
    public DateOnly? TookEffectOn { get; private set; }

    public Guid? IncomingPostId { get; private set; }

    public long Version { get; private set; } = 1;

    public static SecretaryChange File(Guid townshipId, Guid outgoingPostId, Guid? incomingPersonId, DateOnly effectiveOn, string reason, DateOnly today) =>
        new()
        {
            TownshipId = townshipId, OutgoingPostId = outgoingPostId, IncomingPersonId = incomingPersonId, EffectiveOn = effectiveOn,
            Reason = reason, FiledOn = today,
        };

    /// <summary>The day an approval given today takes effect.</summary>
    public DateOnly EffectiveDay(DateOnly today) => EffectiveOn < today ? today : EffectiveOn;

    public void Approve(DateOnly today, string note, Guid? incomingPostId)
    {
        EnsurePending();
        Status = SecretaryChangeStatus.Approved;
        DecidedOn = today;
        Decision = note;
        TookEffectOn = EffectiveDay(today);
        IncomingPostId = incomingPostId;
        Version++;
    }

    public void Reject(DateOnly today, string reason)
    {
        EnsurePending();
        Status = SecretaryChangeStatus.Rejected;
        DecidedOn = today;
        Decision = reason;
        Version++;
    }

    public void EnsurePending()
    {
        if (Status != SecretaryChangeStatus.Pending)
        {
            throw new ConflictException($"This request was {Status.ToString().ToLowerInvariant()} on {DecidedOn:yyyy-MM-dd}: a decision is final.");
        }
    }
}
