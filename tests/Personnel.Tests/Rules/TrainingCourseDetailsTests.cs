using PartyPlatform.Personnel.ReserveTalent;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class TrainingCourseDetailsTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Theory]
    [InlineData("2026-05-01", "2026-05-05", true)]
    [InlineData("2026-05-28", "2026-06-01", true)]
    [InlineData("2026-06-01", "2026-06-01", true)]
    [InlineData("2026-05-28", "2026-06-05", false)]
    [InlineData("2026-09-01", "2026-09-30", false)]
    public void A_course_ends_on_its_first_day_or_later_and_a_completed_one_by_today(string start, string end, bool completed) =>
        Details(start, end, completed).Check(Today);

    [Theory]
    [InlineData("2026-05-05", "2026-05-04", true)]
    [InlineData("2026-09-05", "2026-09-04", false)]
    [InlineData("2026-05-28", "2026-06-02", true)]
    [InlineData("2026-09-01", "2026-09-30", true)]
    public void A_course_ending_before_it_begins_or_completed_before_its_last_day_is_refused_naming_its_end(string start, string end, bool completed)
    {
        var refused = Assert.Throws<RuleViolationException>(() => Details(start, end, completed).Check(Today));

        Assert.Equal("end", refused.Field);
    }

    private static TrainingCourseDetails Details(string start, string end, bool completed) =>
        new("村级后备干部示范培训班", "市委组织部", DateOnly.Parse(start), DateOnly.Parse(end), 40, completed);
}
