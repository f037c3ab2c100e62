namespace PartyPlatform.Contracts.Surveys;

/// <summary>A survey campaign was planned or changed: its whole state, so that a copy can name it and its period.</summary>
public sealed record SurveyCampaignChanged(
    Guid CampaignId,
    long Version,
    string Name,
    Guid UnitId,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    Guid IVersionedEvent.EntityId => CampaignId;
}
