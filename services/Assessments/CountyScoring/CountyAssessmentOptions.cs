using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>The city's terms for a year's county assessment; a year's assessment keeps the set it opened with until the city changes it.</summary>
public sealed class CountyAssessmentOptions
{
    public const string Section = "Assessments:CountyAssessment";

    /// <summary>What the indicators' weights must sum to.</summary>
    [Range(1, 1000)]
    public decimal Total { get; set; } = 100;

    public List<AssessmentIndicator> Indicators { get; set; } = [];

    public List<DeductionRule> Deductions { get; set; } = [];
}
