namespace PartyPlatform.Contracts.Assessments;

/// <summary>
/// How far a village's grading has come in its round. Steps go only forward, except a send-back with a reason.
/// The grade counts as the village's result from <see cref="CountyDecided"/> on.
/// </summary>
public enum GradingStep
{
    /// <summary>自评: entered by a township operator for the village.</summary>
    SelfAssessed,

    /// <summary>乡镇审核.</summary>
    TownshipReviewed,

    /// <summary>县级评定: the grade is the result.</summary>
    CountyDecided,

    /// <summary>市级备案.</summary>
    CityFiled,
}
