using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Classification;

/// <summary>
/// The city's rule for 好/中间/后进, as configuration (<c>Surveys:Classification</c>): backward when any measure is
/// under its floor, good when every measure reaches its mark, middling otherwise. Satisfaction is the lower of
/// the organisation's and its Party members' rates.
/// </summary>
public sealed class ClassificationRule
{
    public const string Section = "Surveys:Classification";

    [Range(0, 100)]
    public decimal GoodVisitRateFrom { get; set; }

    [Range(0, 100)]
    public decimal GoodSatisfactionFrom { get; set; }

    [Range(0, 100)]
    public decimal BackwardVisitRateBelow { get; set; }

    [Range(0, 100)]
    public decimal BackwardSatisfactionBelow { get; set; }

    /// <summary>Problems still open (not closed) from which an organisation is backward.</summary>
    [Range(1, int.MaxValue)]
    public int BackwardOpenProblemsFrom { get; set; }

    /// <returns>The class, and why, in the words the county reads (Chinese).</returns>
    public (OrganizationClass Class, string Reason) Classify(decimal? visitRate, decimal? satisfaction, int openProblems)
    {
        var failing = new List<string>();
        if (visitRate is { } rate && rate < BackwardVisitRateBelow)
        {
            failing.Add($"入户率{rate:0.0}%，低于{BackwardVisitRateBelow:0.#}%");
        }

        if (satisfaction is { } content && content < BackwardSatisfactionBelow)
        {
            failing.Add($"群众满意率{content:0.0}%，低于{BackwardSatisfactionBelow:0.#}%");
        }

        if (openProblems >= BackwardOpenProblemsFrom)
        {
            failing.Add($"未销号问题{openProblems}个，达到{BackwardOpenProblemsFrom}个");
        }

        if (failing.Count > 0)
        {
            return (OrganizationClass.Backward, string.Join("；", failing));
        }

        var measured = $"入户率{Shown(visitRate)}，群众满意率{Shown(satisfaction)}，未销号问题{openProblems}个";
        return visitRate >= GoodVisitRateFrom && satisfaction >= GoodSatisfactionFrom && openProblems == 0
            ? (OrganizationClass.Good, measured)
            : (OrganizationClass.Middling, measured);
    }

    private static string Shown(decimal? percent) => percent is { } p ? $"{p:0.0}%" : "未测";
}
