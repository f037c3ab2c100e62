namespace PartyPlatform.Contracts.Surveys;

/// <summary>
/// A campaign's figures for one grassroots Party organisation moved: its households, or the distinct
/// households visited (入户). Published once per organisation after a write of visits, never once per visit.
/// Carries the whole state: a copy applies it when <see cref="Version"/> is newer than what it holds.
/// </summary>
/// <param name="InScope">False once the organisation left the campaign's scope (its unit merged away).</param>
public sealed record OrganizationVisitFiguresChanged(
    Guid ScopeEntryId,
    Guid CampaignId,
    Guid OrganizationId,
    string OrganizationCode,
    Guid UnitId,
    long Version,
    int? Households,
    int VisitedHouseholds,
    bool InScope,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => ScopeEntryId;
}
