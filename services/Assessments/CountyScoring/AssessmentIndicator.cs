namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>One indicator of the county assessment, worth up to <see cref="Weight"/> points, and where its points come from.</summary>
public sealed class AssessmentIndicator
{
    public const int MaxCodeLength = 40;

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Weight { get; set; }

    public IndicatorSource Source { get; set; }
}

/// <summary>Where an indicator's points come from. Names travel in the API.</summary>
public enum IndicatorSource
{
    /// <summary>Entered by the city's assessors.</summary>
    Entered,

    /// <summary>The county's venue coverage (Venues): the weight times the share of its villages with a venue.</summary>
    VenueCoverage,

    /// <summary>The year's grading results against the county's targets: half the weight for each target, in proportion while missed.</summary>
    Grading,

    /// <summary>Surveys' classification: the weight times the share of the county's classified organisations not 后进.</summary>
    SurveyClassification,
}
