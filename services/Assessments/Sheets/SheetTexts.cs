using System.Globalization;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Sheets;

/// <summary>
/// What a cell of an Assessments sheet says, in the words the city's operators use: grades and steps in Chinese,
/// yes and no as 是 and 否, figures invariant. Shared by every Assessments export (gradings, targets, rankings, awards).
/// </summary>
public static class SheetTexts
{
    private static readonly Dictionary<Grade, string> Grades = new()
    {
        [Grade.Good] = "好", [Grade.FairlyGood] = "较好", [Grade.Average] = "一般", [Grade.Poor] = "较差",
    };

    private static readonly Dictionary<GradingStep, string> Steps = new()
    {
        [GradingStep.SelfAssessed] = "自评", [GradingStep.TownshipReviewed] = "乡镇审核", [GradingStep.CountyDecided] = "县级评定", [GradingStep.CityFiled] = "市级备案",
    };

    public static string? Of(Grade? grade) => grade is { } g ? Grades[g] : null;

    public static string? Of(GradingStep? step) => step is { } s ? Steps[s] : null;

    public static string? Of(bool? yes) => yes switch { true => "是", false => "否", null => null };

    public static string? Of(decimal? figure) => figure?.ToString(CultureInfo.InvariantCulture);

    public static string Of(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A grade as a file gives it: 好, 较好, 一般 or 较差, or the API's name of it (any case); null for anything else.</summary>
    public static Grade? GradeOf(string text)
    {
        foreach (var (grade, name) in Grades)
        {
            if (name == text || grade.ToString().Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return grade;
            }
        }

        return null;
    }

    /// <summary>The four grades as a file may give them, for a refusal's message.</summary>
    public static string GradeChoices => string.Join("、", Grades.Values) + $" ({string.Join(", ", Enum.GetNames<Grade>())})";
}
