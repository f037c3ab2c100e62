namespace PartyPlatform.Assessments.Sheets;

/// <summary>The columns of the targets' progress sheet (the figures of <c>GET targets</c>, one row per county), headed in Chinese.</summary>
public static class TargetSheetColumns
{
    public static readonly IReadOnlyList<string> All =
    [
        "单位代码", "单位名称", "好和较好占比目标下限(%)", "较差占比目标上限(%)", "自定目标", "村党组织数", "已定等次数", "好和较好数", "较差数",
        "好和较好占比(%)", "较差占比(%)", "达标", "低于目标等次村数",
    ];
}
