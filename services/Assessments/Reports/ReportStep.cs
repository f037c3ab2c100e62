namespace PartyPlatform.Assessments.Reports;

/// <summary>How far a secretary's yearly report has come: reported (述), rated (评), concluded with its result and 考 score.</summary>
public enum ReportStep
{
    Reported = 1,
    Rated = 2,
    Concluded = 3,
}
