using Microsoft.Extensions.Options;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>Which college-graduate officials serve, and whose terms end with no exit: the ending-terms API's, the overview's and the village page's.</summary>
public static class GraduateTerms
{
    /// <summary>The last day of the window: a term that ends by then with no exit arranged counts as ending.</summary>
    public static DateOnly LastDayOfWindow(CityCalendar calendar, IOptions<PersonnelFiguresOptions> options) =>
        calendar.Today.AddDays(options.Value.TermEndingWindowDays);

    /// <summary>The officials whose term ends within the window, or has ended, with no exit arranged.</summary>
    public static IQueryable<GraduateOfficialRecord> EndingWithoutExit(this IQueryable<GraduateOfficialRecord> officials, DateOnly lastDay) =>
        officials.Where(o => o.ExitPath == null && o.TermEnds <= lastDay);

    /// <summary>The officials hired and not yet out of post on <paramref name="today"/>.</summary>
    public static IQueryable<GraduateOfficialRecord> ServingOn(this IQueryable<GraduateOfficialRecord> officials, DateOnly today) =>
        officials.Where(o => o.HiredOn <= today && (o.ExitOn == null || o.ExitOn > today));
}
