using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Evaluations;

/// <param name="OrganizationCode">The organisation's stable code.</param>
/// <param name="OfOrganization">The household's satisfaction with the organisation.</param>
/// <param name="OfMembers">The household's satisfaction with its Party members.</param>
public sealed record RecordEvaluationRequest(
    [property: Required, StringLength(32, MinimumLength = 1)] string? OrganizationCode,
    [property: Required] DateOnly? EvaluatedOn,
    [property: Required] Satisfaction? OfOrganization,
    [property: Required] Satisfaction? OfMembers,
    [property: StringLength(Evaluation.MaxCommentLength)] string? Comment);

public sealed record EvaluationResponse(Guid Id, Guid OrganizationId, DateOnly EvaluatedOn, Satisfaction OfOrganization, Satisfaction OfMembers, string? Comment)
{
    public static EvaluationResponse From(Evaluation e) => new(e.Id, e.OrganizationId, e.EvaluatedOn, e.OfOrganization, e.OfMembers, e.Comment);
}

/// <param name="OrganizationRate">Satisfied or basically satisfied with the organisation, in percent of the evaluations; null without any.</param>
/// <param name="MembersRate">The same for its Party members.</param>
public sealed record SatisfactionResponse(Guid OrganizationId, string Code, string Name, int Evaluations, decimal? OrganizationRate, decimal? MembersRate);
