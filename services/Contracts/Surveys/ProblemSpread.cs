namespace PartyPlatform.Contracts.Surveys;

/// <summary>点上/普遍: raised at one place, or by many organisations of a county in the same campaign.</summary>
public enum ProblemSpread
{
    /// <summary>点上.</summary>
    Isolated,

    /// <summary>普遍.</summary>
    Widespread,
}
