using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Personnel.WatchList;

/// <summary>
/// The newest version of an Assessments grading Personnel has applied to the watch list, so that an older
/// version delivered late (the county's 较差 after the send-back that replaced it) changes nothing.
/// </summary>
public sealed class AssessmentGrading
{
    private AssessmentGrading()
    {
    }

    public Guid GradingId { get; private set; }

    public Guid UnitId { get; private set; }

    public int Year { get; private set; }

    public Grade Grade { get; private set; }

    public GradingStep Step { get; private set; }

    public long Version { get; private set; }

    public static AssessmentGrading From(OrganizationGraded fact) =>
        new() { GradingId = fact.GradingId, UnitId = fact.UnitId, Year = fact.Year, Grade = fact.Grade, Step = fact.Step, Version = fact.Version };

    /// <summary>Takes the fact unless this one holds its version or a newer one.</summary>
    public bool Apply(OrganizationGraded fact)
    {
        if (fact.Version <= Version)
        {
            return false;
        }

        (UnitId, Year, Grade, Step, Version) = (fact.UnitId, fact.Year, fact.Grade, fact.Step, fact.Version);
        return true;
    }

    /// <summary>较差 as the village's result (decided by the county, or filed): its election is watched.</summary>
    public static bool IsPoorResult(OrganizationGraded fact) => fact.IsResult && fact.Grade == Grade.Poor;
}
