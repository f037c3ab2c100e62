using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Rectification;

/// <summary>
/// 落实、督查、销号 in order: assigned → in progress → resolved → verified → closed, one step at a time and only
/// forward; a problem is open (and can become overdue) while assigned or in progress.
/// </summary>
public static class RectificationSteps
{
    /// <summary>Refuses a step that is not the next one from <paramref name="current"/>, naming the field "stage".</summary>
    public static void EnsureNext(RectificationStage current, RectificationStage step)
    {
        if (current == RectificationStage.Closed || step != current + 1)
        {
            throw new RuleViolationException("stage",
                current == RectificationStage.Closed
                    ? "The problem is closed (销号); nothing follows."
                    : $"The problem is {current}; the next step is {current + 1}, not {step}.");
        }
    }

    /// <summary>Being worked on: past its deadline it is overdue.</summary>
    public static bool IsOpen(RectificationStage stage) => stage is RectificationStage.Assigned or RectificationStage.InProgress;

    /// <summary>Overdue on <paramref name="today"/>: open, and the deadline is behind it.</summary>
    public static bool IsOverdue(RectificationStage stage, DateOnly? deadline, DateOnly today) =>
        IsOpen(stage) && deadline is { } day && day < today;

    /// <summary>Verifying and closing are the county's or the city's (督查、销号), never the township's who did the work.</summary>
    public static bool NeedsCountyOrCity(RectificationStage step) => step is RectificationStage.Verified or RectificationStage.Closed;
}
