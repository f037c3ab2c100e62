namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>An official's attendance in one month: days present of the days required, once per month.</summary>
public sealed class AttendanceMonth
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OfficialId { get; private set; }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; private set; }

    public int DaysPresent { get; private set; }

    public int DaysRequired { get; private set; }

    public static AttendanceMonth Record(GraduateOfficial official, DateOnly month, int daysPresent, int daysRequired, DateOnly today)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > today)
        {
            throw new RuleViolationException("month", $"{first:yyyy-MM} has not begun (today is {today:yyyy-MM-dd}).");
        }

        if (first.AddMonths(1) <= official.HiredOn)
        {
            throw new RuleViolationException("month", $"{first:yyyy-MM} is before the official was hired ({official.HiredOn:yyyy-MM-dd}).");
        }

        if (official.ExitOn is { } exit && first >= exit)
        {
            throw new RuleViolationException("month", $"{first:yyyy-MM} begins after the official's exit ({exit:yyyy-MM-dd}).");
        }

        if (daysRequired > DateTime.DaysInMonth(first.Year, first.Month))
        {
            throw new RuleViolationException("daysRequired", $"{first:yyyy-MM} has {DateTime.DaysInMonth(first.Year, first.Month)} days, not {daysRequired}.");
        }

        if (daysPresent > daysRequired)
        {
            throw new RuleViolationException("daysPresent", $"{daysPresent} days present is more than the {daysRequired} required.");
        }

        return new AttendanceMonth { OfficialId = official.Id, Month = first, DaysPresent = daysPresent, DaysRequired = daysRequired };
    }
}
