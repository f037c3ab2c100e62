using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.GraduateOfficials;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class GraduateOfficialTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void The_first_term_starts_on_the_hire_day_and_each_renewal_the_day_after_the_term_before_ends()
    {
        var official = Hired(new DateOnly(2021, 8, 1), new DateOnly(2024, 7, 31));

        official.Renew(new DateOnly(2027, 7, 31), maxTerms: 2);

        Assert.Equal(
            [(1, new DateOnly(2021, 8, 1), new DateOnly(2024, 7, 31)), (2, new DateOnly(2024, 8, 1), new DateOnly(2027, 7, 31))],
            official.Terms.Select(t => (t.Number, t.Start, t.End)));
        Assert.Equal((2, new DateOnly(2027, 7, 31), 2L), (official.TermNumber, official.TermEnds, official.Version));
    }

    [Fact]
    public void A_third_term_is_refused_in_both_languages_and_changes_nothing()
    {
        var official = Hired(new DateOnly(2021, 8, 1), new DateOnly(2024, 7, 31));
        official.Renew(new DateOnly(2027, 7, 31), maxTerms: 2);

        var refused = Assert.Throws<ConflictException>(() => official.Renew(new DateOnly(2030, 7, 31), maxTerms: 2));

        Assert.Equal("任满两期不再续聘 (two terms served: no further renewal).", refused.Message);
        Assert.Equal((2, 2, 2L), (official.Terms.Count, official.TermNumber, official.Version));
    }

    [Fact]
    public void The_limit_is_the_configured_one()
    {
        var official = Hired(new DateOnly(2018, 8, 1), new DateOnly(2021, 7, 31));
        official.Renew(new DateOnly(2024, 7, 31), maxTerms: 3);

        official.Renew(new DateOnly(2027, 7, 31), maxTerms: 3);

        Assert.Equal(3, official.TermNumber);
        Assert.StartsWith("任满三期不再续聘 (three terms served", Assert.Throws<ConflictException>(() => official.Renew(new DateOnly(2030, 7, 31), maxTerms: 3)).Message);
    }

    [Fact]
    public void A_term_ends_after_it_starts()
    {
        var official = Hired(new DateOnly(2021, 8, 1), new DateOnly(2024, 7, 31));

        Assert.Equal("termEnds", Assert.Throws<RuleViolationException>(() => official.Renew(new DateOnly(2024, 8, 1), maxTerms: 2)).Field);
        Assert.Equal("termEnds", Assert.Throws<RuleViolationException>(() => Hired(new DateOnly(2021, 8, 1), new DateOnly(2021, 7, 31))).Field);
        Assert.Equal(1, official.TermNumber);
    }

    [Fact]
    public void After_an_exit_there_is_no_renewal_and_no_second_exit()
    {
        var official = Hired(new DateOnly(2024, 8, 1), new DateOnly(2027, 7, 31));

        Assert.Equal("on", Assert.Throws<RuleViolationException>(() => official.Exit(GraduateOfficialExitPath.CivilService, new DateOnly(2024, 8, 1), null)).Field);
        official.Exit(GraduateOfficialExitPath.CivilService, new DateOnly(2026, 9, 1), null);

        Assert.Throws<ConflictException>(() => official.Renew(new DateOnly(2030, 7, 31), maxTerms: 2));
        Assert.Throws<ConflictException>(() => official.Exit(GraduateOfficialExitPath.OwnBusiness, new DateOnly(2026, 10, 1), null));
        Assert.Equal((GraduateOfficialExitPath.CivilService, new DateOnly(2026, 9, 1), 2L), (official.ExitPath, official.ExitOn, official.Version));
    }

    [Theory]
    [InlineData("2026-08-30", true)] // the window's last day (90 days ahead)
    [InlineData("2026-08-31", false)]
    [InlineData("2026-06-01", true)]
    [InlineData("2026-03-31", true)] // ended already, still no exit
    public void A_term_ending_within_the_window_or_ended_is_an_alert(string termEnds, bool due)
    {
        var official = Hired(new DateOnly(2023, 1, 1), DateOnly.Parse(termEnds, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(due, GraduateOfficial.DueForAlert(Today, windowDays: 90).Compile()(official));
    }

    [Fact]
    public void An_exit_arranged_ahead_ends_the_alert()
    {
        var official = Hired(new DateOnly(2023, 1, 1), new DateOnly(2026, 6, 30));
        Assert.True(GraduateOfficial.DueForAlert(Today, 90).Compile()(official));

        official.Exit(GraduateOfficialExitPath.StayAsVillageCadre, new DateOnly(2026, 7, 1), "留任村委委员");

        Assert.False(GraduateOfficial.DueForAlert(Today, 90).Compile()(official));
        Assert.True(GraduateOfficial.ServingOn(Today).Compile()(official));
        Assert.False(GraduateOfficial.ServingOn(new DateOnly(2026, 7, 1)).Compile()(official));
    }

    [Fact]
    public void Attendance_is_for_a_month_of_the_service_up_to_this_one_with_no_more_days_present_than_required()
    {
        var official = Hired(new DateOnly(2024, 8, 15), new DateOnly(2027, 8, 14));

        var august = AttendanceMonth.Record(official, new DateOnly(2024, 8, 20), 10, 12, Today);

        Assert.Equal((new DateOnly(2024, 8, 1), 10, 12), (august.Month, august.DaysPresent, august.DaysRequired));
        Assert.Equal("month", Assert.Throws<RuleViolationException>(() => AttendanceMonth.Record(official, new DateOnly(2024, 7, 1), 10, 12, Today)).Field);
        Assert.Equal("month", Assert.Throws<RuleViolationException>(() => AttendanceMonth.Record(official, new DateOnly(2026, 7, 1), 1, 12, Today)).Field);
        Assert.Equal("daysPresent", Assert.Throws<RuleViolationException>(() => AttendanceMonth.Record(official, new DateOnly(2026, 5, 1), 13, 12, Today)).Field);
        Assert.Equal("daysRequired", Assert.Throws<RuleViolationException>(() => AttendanceMonth.Record(official, new DateOnly(2026, 2, 1), 10, 29, Today)).Field);
    }

    [Fact]
    public void Nothing_is_recorded_for_the_days_after_the_exit()
    {
        var official = Hired(new DateOnly(2024, 8, 1), new DateOnly(2027, 7, 31));
        official.Exit(GraduateOfficialExitPath.OtherEmployment, new DateOnly(2026, 3, 15), null);

        var march = AttendanceMonth.Record(official, new DateOnly(2026, 3, 1), 10, 10, Today);

        Assert.Equal(new DateOnly(2026, 3, 1), march.Month);
        Assert.Equal("month", Assert.Throws<RuleViolationException>(() => AttendanceMonth.Record(official, new DateOnly(2026, 4, 1), 1, 20, Today)).Field);
        Assert.Equal("reportedOn", Assert.Throws<RuleViolationException>(() => WorkReport.Record(official, new DateOnly(2026, 3, 15), "述职", WorkEvaluation.Competent, Today)).Field);
        Assert.Equal("doneOn", Assert.Throws<RuleViolationException>(() => GraduateOfficialActivity.Record(official, "HelpHousehold", new DateOnly(2026, 5, 1), null, Today)).Field);
        Assert.Equal(new DateOnly(2026, 3, 14), WorkReport.Record(official, new DateOnly(2026, 3, 14), "离任述职", WorkEvaluation.Excellent, Today).ReportedOn);
    }

    private static GraduateOfficial Hired(DateOnly hiredOn, DateOnly termEnds) =>
        GraduateOfficial.Hire(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), hiredOn, termEnds);
}
