namespace PartyPlatform.Venues.Standards;

/// <summary>
/// Which checklist version applies on a day, and where a new version may start. A version is in
/// force from its EffectiveFrom until a version with a later EffectiveFrom takes over; on a tie the
/// higher number wins (a same-day correction).
/// </summary>
public static class ChecklistSchedule
{
    public static ChecklistVersion? InForceOn(IEnumerable<ChecklistVersion> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day)
            .OrderByDescending(v => v.EffectiveFrom)
            .ThenByDescending(v => v.Number)
            .FirstOrDefault();

    /// <summary>
    /// A new version may not start before the current version does, nor before a version already
    /// scheduled for later: otherwise a higher number could be in force before a lower one.
    /// </summary>
    public static void CheckEffectiveFrom(IEnumerable<ChecklistVersion> versions, DateOnly effectiveFrom)
    {
        if (versions.MaxBy(v => (v.EffectiveFrom, v.Number)) is { } latest && effectiveFrom < latest.EffectiveFrom)
        {
            throw new RuleViolationException("effectiveFrom",
                $"Version {latest.Number} takes effect on {latest.EffectiveFrom:yyyy-MM-dd}; a new version cannot take effect before it.");
        }
    }
}
