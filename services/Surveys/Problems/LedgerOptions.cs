using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Surveys.Problems;

/// <summary>The ledger's terms the city may change: its categories, the widespread threshold and the import's size.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Surveys:Ledger";

    /// <summary>The categories a problem is filed under; none by default (the binder would append to a default list).</summary>
    public List<LedgerCategory> Categories { get; set; } = [];

    /// <summary>普遍 when at least this many organisations of one county raised the same category in a campaign.</summary>
    [Range(2, 10_000)]
    public int WidespreadThreshold { get; set; } = 3;

    /// <summary>Rows one ledger import may hold; one import is one transaction.</summary>
    [Range(1, 100_000)]
    public int ImportMaxRows { get; set; } = 10_000;

    /// <summary>Bytes a ledger import's body may have.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long ImportMaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public LedgerCategory? Category(string code) => Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Refuses a problem's category unless it is one of the configured, naming <paramref name="field"/>.</summary>
    public LedgerCategory EnsureCategory(string code, string field) =>
        Category(code) ?? throw new RuleViolationException(field,
            $"Unknown category '{code}'; the ledger's categories are {string.Join(", ", Categories.Select(c => $"{c.Code} ({c.Name})"))}.");
}

/// <summary>A category of the ledger: a code files and events cite, and its Chinese name.</summary>
public sealed class LedgerCategory
{
    public const int MaxCodeLength = 32;

    [Required, StringLength(MaxCodeLength, MinimumLength = 1)]
    public string Code { get; set; } = "";

    [Required, StringLength(50, MinimumLength = 1)]
    public string Name { get; set; } = "";
}
