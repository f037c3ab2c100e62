using PartyPlatform.Assessments.CountyScoring;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Tests.Rules;

public sealed class CountyScorerTests
{
    private static readonly GradingFigure NoResults = new(0, null, null, 30, 20);

    private static readonly ClassificationFigure Unclassified = new(0, 0);

    [Theory]
    [InlineData(35, 10, 20)] // both targets met: the whole weight
    [InlineData(15, 10, 15)] // 好+较好 at half its target: half of its half
    [InlineData(30, 60, 15)] // 较差 at 60 % against 20 %: (100-60)/(100-20) of its half
    [InlineData(0, 100, 0)]
    public void Grading_earns_half_the_weight_per_target_in_proportion_while_missed(decimal good, decimal poor, decimal points)
    {
        var facts = new CountyFacts(null, new GradingFigure(40, good, poor, 30, 20), Unclassified, new Dictionary<string, EnteredScore>());
        Assert.Equal(points, CountyScorer.Score(Indicator(IndicatorSource.Grading, 20), facts).Points);
    }

    [Fact]
    public void Derived_indicators_without_their_fact_earn_nothing_and_say_why()
    {
        var facts = new CountyFacts(null, NoResults, Unclassified, new Dictionary<string, EnteredScore>());
        Assert.Equal(
            [(0m, "暂无活动场所覆盖数据"), (0m, "暂无定档结果"), (0m, "暂无调研分类"), (0m, "未录入")],
            new[] { IndicatorSource.VenueCoverage, IndicatorSource.Grading, IndicatorSource.SurveyClassification, IndicatorSource.Entered }
                .Select(source => CountyScorer.Score(Indicator(source, 10), facts)).Select(s => (s.Points, s.Basis)));
    }

    [Fact]
    public void Coverage_and_classification_earn_their_share_of_the_weight()
    {
        var facts = new CountyFacts(new CoverageFigure(40, 37, 92.5m), NoResults, new ClassificationFigure(8, 2), new Dictionary<string, EnteredScore>());
        Assert.Equal(18.5m, CountyScorer.Score(Indicator(IndicatorSource.VenueCoverage, 20), facts).Points);
        Assert.Equal(7.5m, CountyScorer.Score(Indicator(IndicatorSource.SurveyClassification, 10), facts).Points);
    }

    [Fact]
    public void The_total_is_the_points_less_the_deductions_and_never_below_zero()
    {
        IndicatorScoreFact[] indicators = [new("a", "a", 20, 12, ""), new("b", "b", 80, 3.5m, "")];
        Assert.Equal(5.5m, CountyScorer.Total(indicators, [new DeductionFact("r", 10, "", Guid.NewGuid())]));
        Assert.Equal(0m, CountyScorer.Total(indicators, [new DeductionFact("r", 10, "", Guid.NewGuid()), new DeductionFact("r", 10, "", Guid.NewGuid())]));
    }

    private static AssessmentIndicator Indicator(IndicatorSource source, decimal weight) => new() { Code = "x", Name = "x", Weight = weight, Source = source };
}
