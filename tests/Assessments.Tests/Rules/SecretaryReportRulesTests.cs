using PartyPlatform.Assessments.Reports;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Tests.Rules;

public sealed class SecretaryReportRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly SecretaryReportOptions Rule = new();

    [Theory]
    [InlineData(new[] { Rating.Good }, 100, Rating.Good)]
    [InlineData(new[] { Rating.Good, Rating.FairlyGood }, 90, Rating.Good)]
    [InlineData(new[] { Rating.Good, Rating.FairlyGood, Rating.FairlyGood }, 86.67, Rating.FairlyGood)]
    [InlineData(new[] { Rating.FairlyGood, Rating.Average }, 70, Rating.Average)]
    [InlineData(new[] { Rating.Average, Rating.Poor }, 30, Rating.Poor)]
    [InlineData(new[] { Rating.Average }, 60, Rating.Average)]
    public void The_result_is_the_best_grade_whose_threshold_the_average_points_reach(Rating[] ratings, double points, Rating result) =>
        Assert.Equal(((decimal)points, result), Rule.ResultOf(ratings));

    [Fact]
    public void The_points_and_thresholds_are_the_citys_to_configure()
    {
        var strict = new SecretaryReportOptions { Points = new RatingPoints { Good = 10, FairlyGood = 8, Average = 5, Poor = 0 }, GoodAtLeast = 9.5m, FairlyGoodAtLeast = 8, AverageAtLeast = 5 };

        Assert.Equal((9m, Rating.FairlyGood), strict.ResultOf([Rating.Good, Rating.FairlyGood]));
        Assert.True(strict.IsOrdered);
        Assert.False(new SecretaryReportOptions { GoodAtLeast = 70, FairlyGoodAtLeast = 75 }.IsOrdered);
        Assert.False(new SecretaryReportOptions { Points = new RatingPoints { Good = 50, FairlyGood = 80, Average = 60 } }.IsOrdered);
    }

    [Fact]
    public void Ratings_come_once_per_evaluator_before_the_result_which_is_final()
    {
        var report = Report();
        Assert.Throws<ConflictException>(() => report.Conclude([], Rule, 80, null, null, "county", Now));
        report.Rate("a", Rating.Good, null, ratedBefore: false, Now);
        Assert.Throws<ConflictException>(() => report.Rate("a", Rating.Poor, null, ratedBefore: true, Now));
        Assert.Equal((ReportStep.Rated, 2L), (report.Step, report.Version));

        report.Conclude([Rating.Good], Rule, 80, null, null, "county", Now);

        Assert.Equal((ReportStep.Concluded, Rating.Good, Rating.Good, 100m, 80m), (report.Step, report.ComputedResult, report.Result, report.Points, report.ExamScore));
        Assert.Throws<ConflictException>(() => report.Rate("b", Rating.Good, null, ratedBefore: false, Now));
        Assert.Throws<ConflictException>(() => report.Conclude([Rating.Good], Rule, 90, null, null, "county", Now));
    }

    [Fact]
    public void An_override_needs_a_reason_and_the_exam_score_its_range_and_a_refusal_changes_nothing()
    {
        var report = Report();
        report.Rate("a", Rating.Average, null, ratedBefore: false, Now);

        Assert.Equal("reason", Assert.Throws<RuleViolationException>(() => report.Conclude([Rating.Average], Rule, 80, Rating.Good, " ", "county", Now)).Field);
        Assert.Equal("examScore", Assert.Throws<RuleViolationException>(() => report.Conclude([Rating.Average], Rule, -1, null, null, "county", Now)).Field);
        Assert.Equal((ReportStep.Rated, null), (report.Step, report.Result));

        report.Conclude([Rating.Average], Rule, 95, Rating.Good, " 年度考核全县第一 ", "county", Now);
        Assert.Equal((Rating.Average, Rating.Good, "年度考核全县第一"), (report.ComputedResult, report.Result, report.OverrideReason));
    }

    [Theory]
    [InlineData("2020-01-01", null, 2026, true)]
    [InlineData("2026-12-31", null, 2026, true)]
    [InlineData("2027-01-01", null, 2026, false)]
    [InlineData("2020-01-01", "2026-01-01", 2026, false)]
    [InlineData("2020-01-01", "2026-01-02", 2026, true)]
    public void A_secretary_reports_for_a_year_any_day_of_which_the_term_covered(string start, string? end, int year, bool inPost) =>
        Assert.Equal(inPost, Secretary.WasInPost(DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), year));

    [Theory]
    [InlineData(PostKind.CountySecretary, UnitLevel.City)]
    [InlineData(PostKind.TownshipSecretary, UnitLevel.County)]
    [InlineData(PostKind.VillageSecretary, UnitLevel.Township)]
    public void The_level_above_the_secretarys_unit_hears_the_report(PostKind kind, UnitLevel level) =>
        Assert.Equal(level, Secretary.LevelAbove(kind));

    private static SecretaryReport Report() =>
        SecretaryReport.Submit(new Secretary(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), PostKind.TownshipSecretary), 2026, "述职", "county", Now);
}
