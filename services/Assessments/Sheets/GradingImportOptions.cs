using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Assessments.Sheets;

/// <summary>How large a county's results file may be; one import is one transaction.</summary>
public sealed class GradingImportOptions
{
    public const string Section = "Assessments:Imports";

    /// <summary>Rows one import may hold: a county's villages with room to spare (the whole city has about 3,000).</summary>
    [Range(1, 100_000)]
    public int MaxRows { get; set; } = 5000;

    /// <summary>Bytes an import's body may have (a CSV of <see cref="MaxRows"/> rows with long evidence is a few MB).</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
}
