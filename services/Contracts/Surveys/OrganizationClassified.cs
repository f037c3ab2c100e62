using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Contracts.Surveys;

/// <summary>
/// A campaign classified a grassroots Party organisation, by the rule or by an override with a reason. Carries
/// the whole state: a consumer applies it when <see cref="Version"/> is newer than what it holds.
/// <see cref="ClassificationId"/> names the organisation's classification in that campaign, and stays the same
/// across versions: a fact that others keep (Personnel's watch list) is kept under it once.
/// </summary>
/// <param name="Overridden">Set by hand over the rule; <see cref="Reason"/> says why.</param>
public sealed record OrganizationClassified(
    Guid ClassificationId,
    long Version,
    Guid CampaignId,
    Guid OrganizationId,
    string OrganizationCode,
    PartyOrganizationKind Kind,
    Guid UnitId,
    OrganizationClass Class,
    bool Overridden,
    string Reason,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => ClassificationId;
}
