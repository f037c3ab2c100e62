using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Surveys.Households;

/// <summary>The size of a households import the city allows.</summary>
public sealed class HouseholdsOptions
{
    public const string Section = "Surveys:Households";

    /// <summary>Rows one households import may hold; one import is one transaction.</summary>
    [Range(1, 100_000)]
    public int ImportMaxRows { get; set; } = 10_000;

    /// <summary>Bytes a households import's body may have.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long ImportMaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
