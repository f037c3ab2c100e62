using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Rectification;

/// <summary>An open rectification past its deadline, with its county: the overdue list is read per county.</summary>
public sealed record OverdueProblemResponse(
    Guid ProblemId,
    Guid CampaignId,
    Guid? CountyId,
    string? CountyCode,
    string? CountyName,
    string OrganizationCode,
    string OrganizationName,
    string Category,
    RectificationStage Stage,
    Guid? ResponsibleUnitId,
    string? ResponsibleUnitName,
    DateOnly? Deadline,
    DateTimeOffset? OverdueAt);
