using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Rounds;

/// <summary>
/// A village Party organisation a round grades: those in service when it opened. An organisation a merge creates
/// later is graded from the next round; one a merge retires keeps whatever grade it got, as history.
/// </summary>
public sealed class RoundOrganization
{
    private RoundOrganization()
    {
    }

    public Guid RoundId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationCode { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    /// <summary>The village the organisation belongs to.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The grade its county expects of it this year (目标任务具体到村); null when none is set.</summary>
    public Grade? TargetGrade { get; private set; }

    public static RoundOrganization Of(Guid roundId, PartyOrganizationReplica organization) => new()
    {
        RoundId = roundId, OrganizationId = organization.Id, OrganizationCode = organization.Code, OrganizationName = organization.Name,
        UnitId = organization.UnitId,
    };

    public void SetTarget(Grade? grade) => TargetGrade = grade;
}
