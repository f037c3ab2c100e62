namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>An official's report on the work done (述职), with the evaluation it received.</summary>
public sealed class WorkReport
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OfficialId { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public string Summary { get; private set; } = "";

    public WorkEvaluation Evaluation { get; private set; }

    public static WorkReport Record(GraduateOfficial official, DateOnly reportedOn, string summary, WorkEvaluation evaluation, DateOnly today)
    {
        WorkRecordDay.Check("reportedOn", official, reportedOn, today);
        return new WorkReport { OfficialId = official.Id, ReportedOn = reportedOn, Summary = summary, Evaluation = evaluation };
    }
}
