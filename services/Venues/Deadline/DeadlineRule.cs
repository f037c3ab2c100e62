using System.Globalization;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;

namespace PartyPlatform.Venues.Deadline;

/// <summary>Who answers for the deadline: every county and township not at full coverage once it has passed.</summary>
public static class DeadlineRule
{
    public static bool HasPassed(CampaignTerms terms, DateTimeOffset now) => now >= terms.DeadlinePassesAt;

    public static List<DeadlineShortfall> Shortfalls(CampaignTerms terms, IEnumerable<CoverageFigures> figures) =>
        [.. figures
            .Where(f => f.Level is UnitLevel.County or UnitLevel.Township && !f.IsFull)
            .OrderBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => new DeadlineShortfall(
                Guid.CreateVersion7(), f.UnitId, f.Name, f.Code, f.Level, f.Villages, f.VillagesWithVenue, Reason(terms, f)))];

    /// <summary>The reason as Personnel and Assessments show it to people, in Chinese.</summary>
    private static string Reason(CampaignTerms terms, CoverageFigures f) => string.Create(
        CultureInfo.InvariantCulture,
        $"截至{terms.Deadline:yyyy年M月d日}，{f.Name}村级组织活动场所未实现全覆盖：{f.Villages}个村中尚有{f.VillagesWithoutVenue}个村无活动场所（覆盖率{f.CoveragePercent:0.0}%）。");
}
