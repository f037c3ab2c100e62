using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Surveys.Figures;

/// <summary>The 四不漏 view's floor: an organisation visited, but under this visit rate, is a gap too.</summary>
public sealed class VisitFloorOptions
{
    public const string Section = "Surveys:Visits";

    [Range(0, 100)]
    public decimal FloorPercent { get; set; }
}
