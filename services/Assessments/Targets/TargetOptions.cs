using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Assessments.Targets;

/// <summary>The city's targets a new round starts with; the city may change a round's own afterwards.</summary>
public sealed class TargetOptions
{
    public const string Section = "Assessments:Targets";

    /// <summary>好 + 较好 at least this share of the results, in percent.</summary>
    [Range(0, 100)]
    public decimal GoodShareAtLeast { get; set; } = 30;

    /// <summary>较差 at most this share of the results, in percent.</summary>
    [Range(0, 100)]
    public decimal PoorShareAtMost { get; set; } = 20;
}
