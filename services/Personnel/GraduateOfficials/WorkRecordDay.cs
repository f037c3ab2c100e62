namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>What an official did is recorded for a day of the service: not before hiring, not from the exit day on, not ahead of today.</summary>
public static class WorkRecordDay
{
    public static void Check(string field, GraduateOfficial official, DateOnly day, DateOnly today)
    {
        if (day > today)
        {
            throw new RuleViolationException(field, $"{day:yyyy-MM-dd} is ahead of today ({today:yyyy-MM-dd}): record what has been done.");
        }

        if (day < official.HiredOn)
        {
            throw new RuleViolationException(field, $"{day:yyyy-MM-dd} is before the official was hired ({official.HiredOn:yyyy-MM-dd}).");
        }

        if (official.ExitOn is { } exit && day >= exit)
        {
            throw new RuleViolationException(field, $"{day:yyyy-MM-dd} is not before the official's exit ({exit:yyyy-MM-dd}).");
        }
    }
}
