using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Problems;

/// <summary>点上/普遍: widespread when enough organisations of one county raised the same category in one campaign.</summary>
public static class SpreadRule
{
    /// <param name="organizations">Distinct organisations of the county that raised the category in the campaign.</param>
    /// <param name="threshold">Surveys:Ledger:WidespreadThreshold.</param>
    public static ProblemSpread Of(int organizations, int threshold) =>
        organizations >= threshold ? ProblemSpread.Widespread : ProblemSpread.Isolated;
}
