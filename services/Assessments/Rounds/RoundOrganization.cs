using PartyPlatform.AdministrativeTree;

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

    public static RoundOrganization Of(Guid roundId, PartyOrganizationReplica organization) => new()
    {
        RoundId = roundId, OrganizationId = organization.Id, OrganizationCode = organization.Code, OrganizationName = organization.Name,
        UnitId = organization.UnitId,
    };
}
