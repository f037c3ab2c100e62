namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// A person whose source is 致富带头人 (a wealth leader) was registered, changed, or moved to a merged unit's
/// successor, or stopped being a wealth leader (<see cref="IsWealthLeader"/> false). Once a person has been
/// published, every later version is, so a consumer that keeps the newest version per person holds the current
/// set; Assessments draws its Party-member wealth-leader award candidates from it. Carries no personal
/// information (no name, ID number or phone): a reader shows the person by id and unit, and the name through
/// Personnel's API where its caller may see it.
/// </summary>
/// <param name="UnitId">The unit the person is registered on (their village, township or county).</param>
/// <param name="IsWealthLeader">Whether the person's source is 致富带头人 in this version.</param>
/// <param name="JoinedPartyOn">The day the person joined the Party; null for a non-member.</param>
public sealed record WealthLeaderChanged(
    Guid PersonId,
    long Version,
    Guid UnitId,
    bool IsWealthLeader,
    DateOnly? JoinedPartyOn,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => PersonId;

    /// <summary>Whether the person is a Party member.</summary>
    public bool IsPartyMember => JoinedPartyOn is not null;

    /// <summary>A candidate for the 1,000 Party-member wealth leaders (千名党员致富带头人): a wealth leader and a Party member.</summary>
    public bool IsAwardCandidate => IsWealthLeader && IsPartyMember;
}
