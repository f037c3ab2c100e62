namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>
/// Points the city's assessors gave a county for an indicator whose points are entered, with a note of why. Kept when the
/// indicator leaves the year's set (it no longer counts), so that they count again should it come back.
/// </summary>
public sealed class EnteredScore
{
    private EnteredScore()
    {
    }

    public Guid AssessmentId { get; private set; }

    public Guid CountyId { get; private set; }

    public string IndicatorCode { get; private set; } = "";

    public decimal Points { get; private set; }

    public string? Note { get; private set; }

    public string EnteredBy { get; private set; } = "";

    public DateTimeOffset EnteredAt { get; private set; }

    public static EnteredScore Enter(CountyAssessment assessment, Guid countyId, AssessmentIndicator indicator, decimal points, string? note, string actor, DateTimeOffset now)
    {
        var score = new EnteredScore { AssessmentId = assessment.Id, CountyId = countyId, IndicatorCode = indicator.Code };
        score.Change(indicator, points, note, actor, now);
        return score;
    }

    public void Change(AssessmentIndicator indicator, decimal points, string? note, string actor, DateTimeOffset now)
    {
        if (indicator.Source != IndicatorSource.Entered)
        {
            throw new RuleViolationException("code", $"The indicator '{indicator.Code}' takes its points from {indicator.Source}; they cannot be entered.");
        }

        if (points < 0 || points > indicator.Weight)
        {
            throw new RuleViolationException("points", $"The indicator '{indicator.Code}' is worth 0 to {indicator.Weight} points, not {points}.");
        }

        (Points, Note, EnteredBy, EnteredAt) = (points, note, actor, now);
    }
}
