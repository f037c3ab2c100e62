using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Spreadsheets;

namespace PartyPlatform.Assessments.Sheets;

/// <summary>
/// The columns of a round's grading sheet, headed in Chinese for the city's operators, in the order an export writes
/// them: the fixed ones, and one per indicator of the round, headed by its name (an import also takes its code).
/// </summary>
public static class GradingSheetColumns
{
    public const string OrganizationCode = "组织代码";
    public const string OrganizationName = "组织名称";
    public const string Township = "乡镇";
    public const string County = "县区";
    public const string Grade = "等次";
    public const string Step = "环节";
    public const string Evidence = "佐证材料";
    public const string Filed = "已备案";

    /// <summary>Every column of a round's grading list, as an export writes it; an import reads it back (see <see cref="Import"/>).</summary>
    public static IReadOnlyList<string> Export(GradingRound round) =>
        [OrganizationCode, OrganizationName, Township, County, Grade, Step, .. round.Indicators.Select(i => i.Name), Evidence, Filed];

    /// <summary>
    /// What an import reads: the organisation's code, the grade, a score per indicator (headed by its name or its code)
    /// and the evidence; the export's other columns are ignored, so an exported list, filled in, imports again.
    /// </summary>
    public static SheetColumns Import(GradingRound round) =>
        new([OrganizationCode, Grade, .. round.Indicators.Select(i => i.Name), .. round.Indicators.Select(i => i.Code), Evidence],
            [OrganizationCode, Grade, Evidence]);

    /// <summary>The column each indicator's scores are in, as the file heads it; throws (400 "file") for one missing or given twice.</summary>
    public static Dictionary<string, string> IndicatorColumns(GradingRound round, SheetLine first)
    {
        var columns = new Dictionary<string, string>();
        foreach (var indicator in round.Indicators)
        {
            var headed = new[] { indicator.Name, indicator.Code }.Where(first.Cells.ContainsKey).ToList();
            columns[indicator.Code] = headed.Count switch
            {
                1 => headed[0],
                0 => throw new RuleViolationException("file", $"The header row lacks the column {indicator.Name} (or {indicator.Code}): the scores on it."),
                _ => throw new RuleViolationException("file", $"The header row has both {indicator.Name} and {indicator.Code}: one column per indicator."),
            };
        }

        return columns;
    }
}
