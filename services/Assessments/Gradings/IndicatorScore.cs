namespace PartyPlatform.Assessments.Gradings;

/// <summary>A village's score on one of its round's indicators.</summary>
public sealed class IndicatorScore
{
    public string Code { get; set; } = "";

    public decimal Score { get; set; }
}
