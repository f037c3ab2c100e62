namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// A college-graduate village official was hired, had a contract term added, or had an exit recorded.
/// Published for every version with the official's whole state; a consumer keeps the newest per official
/// (the Dashboard counts terms ending with no exit). Carries no personal information (no name, ID number or phone).
/// </summary>
/// <param name="TermNumber">The current (latest) contract term, 1 from hiring.</param>
/// <param name="TermEnds">The last day of the current term.</param>
/// <param name="ExitPath">The exit taken or arranged; null while none is.</param>
/// <param name="ExitOn">The first day out of post; may lie ahead (an exit arranged).</param>
public sealed record GraduateOfficialChanged(
    Guid OfficialId,
    long Version,
    Guid PersonId,
    Guid UnitId,
    DateOnly HiredOn,
    int TermNumber,
    DateOnly TermEnds,
    GraduateOfficialExitPath? ExitPath,
    DateOnly? ExitOn,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => OfficialId;
}
