using System.ComponentModel.DataAnnotations;

namespace PartyPlatform.Assessments.Rounds;

/// <summary>The city's terms for the yearly grading of village Party organisations; a round keeps the indicators it opened with.</summary>
public sealed class GradingOptions
{
    public const string Section = "Assessments:Grading";

    /// <summary>The round of a year must be complete by this day of that year (12月底前完成考核定档), unless its opening names another.</summary>
    [Range(1, 12)]
    public int DeadlineMonth { get; set; } = 12;

    [Range(1, 31)]
    public int DeadlineDay { get; set; } = 31;

    /// <summary>From this many days before the deadline, a round's progress says the deadline is near.</summary>
    [Range(0, 366)]
    public int ReminderDays { get; set; } = 30;

    /// <summary>What each village is scored on, with evidence, before it is graded.</summary>
    public List<GradingIndicator> Indicators { get; set; } = [];

    public DateOnly DeadlineOf(int year) => new(year, DeadlineMonth, Math.Min(DeadlineDay, DateTime.DaysInMonth(year, DeadlineMonth)));
}
