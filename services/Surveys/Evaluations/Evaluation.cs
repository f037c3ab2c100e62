using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Evaluations;

/// <summary>
/// One household's evaluation (群众评议) of a grassroots organisation and of its Party members, given in a
/// campaign. It names no household: evaluations are counted, never traced back.
/// </summary>
public sealed class Evaluation
{
    public const int MaxCommentLength = 500;

    private Evaluation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateOnly EvaluatedOn { get; private set; }

    public Satisfaction OfOrganization { get; private set; }

    public Satisfaction OfMembers { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Evaluation Record(Guid campaignId, Guid organizationId, DateOnly evaluatedOn, Satisfaction ofOrganization, Satisfaction ofMembers, string? comment,
        DateTimeOffset now) =>
        new()
        {
            CampaignId = campaignId, OrganizationId = organizationId, EvaluatedOn = evaluatedOn, OfOrganization = ofOrganization, OfMembers = ofMembers,
            Comment = comment, RecordedAt = now,
        };

    /// <summary>Satisfied or basically satisfied: what the satisfaction rate counts.</summary>
    public static bool Content(Satisfaction satisfaction) => satisfaction != Satisfaction.Dissatisfied;
}
