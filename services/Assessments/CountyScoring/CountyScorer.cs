using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>The points of one indicator for one county, and how they were reached, in words the assessors read.</summary>
public static class CountyScorer
{
    public static IndicatorScoreFact Score(AssessmentIndicator indicator, CountyFacts facts)
    {
        var (points, basis) = indicator.Source switch
        {
            IndicatorSource.Entered => Entered(indicator, facts.Entered.GetValueOrDefault(indicator.Code)),
            IndicatorSource.VenueCoverage => Coverage(indicator.Weight, facts.Coverage),
            IndicatorSource.Grading => Grading(indicator.Weight, facts.Grading),
            _ => Classification(indicator.Weight, facts.Classification),
        };
        return new IndicatorScoreFact(indicator.Code, indicator.Name, indicator.Weight, Math.Round(points, 2), basis);
    }

    /// <summary>The indicators' points less the deductions, never below 0.</summary>
    public static decimal Total(IEnumerable<IndicatorScoreFact> indicators, IEnumerable<DeductionFact> deductions) =>
        Math.Max(0, indicators.Sum(i => i.Points) - deductions.Sum(d => d.Points));

    private static (decimal, string) Entered(AssessmentIndicator indicator, EnteredScore? entered) => entered is null
        ? (0, "未录入")
        : (entered.Points, string.IsNullOrWhiteSpace(entered.Note) ? "录入" : $"录入：{entered.Note}");

    private static (decimal, string) Coverage(decimal weight, CoverageFigure? coverage) => coverage is null || coverage.Villages == 0
        ? (0, "暂无活动场所覆盖数据")
        : (weight * coverage.Percent / 100, $"活动场所覆盖率{coverage.Percent}%（{coverage.VillagesWithVenue}/{coverage.Villages}个村）");

    /// <summary>
    /// Half the weight for each target: in full when met, in proportion while missed (好+较好 as a share of its target;
    /// 较差 falling linearly from its ceiling to 100 %).
    /// </summary>
    private static (decimal, string) Grading(decimal weight, GradingFigure grading)
    {
        if (grading is not { Results: > 0, GoodShare: { } good, PoorShare: { } poor })
        {
            return (0, "暂无定档结果");
        }

        var goodPart = grading.GoodShareAtLeast == 0 ? 1 : Math.Min(1, good / grading.GoodShareAtLeast);
        var poorPart = poor <= grading.PoorShareAtMost ? 1 : Math.Max(0, (100 - poor) / (100 - grading.PoorShareAtMost));
        return (weight / 2 * (goodPart + poorPart),
            $"好+较好{good}%（目标不低于{grading.GoodShareAtLeast}%），较差{poor}%（目标不高于{grading.PoorShareAtMost}%），共{grading.Results}个定档");
    }

    private static (decimal, string) Classification(decimal weight, ClassificationFigure classification) => classification.Classified == 0
        ? (0, "暂无调研分类")
        : (weight * (classification.Classified - classification.Backward) / classification.Classified,
            $"调研分类{classification.Classified}个组织，其中后进{classification.Backward}个");
}
