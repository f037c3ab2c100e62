namespace PartyPlatform.Assessments.Rounds;

/// <summary>One indicator a village is scored on in a round, from 0 to <see cref="MaxScore"/>.</summary>
public sealed class GradingIndicator
{
    public const int MaxCodeLength = 40;

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal MaxScore { get; set; }
}
