using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>The dashboard's copy of a survey campaign, kept from Surveys' events: what the visit figures belong to.</summary>
public sealed class SurveyCampaignRecord : IVersionedCopy<SurveyCampaignRecord, SurveyCampaignChanged>
{
    public Guid CampaignId { get; private set; }

    public string Name { get; private set; } = "";

    public Guid UnitId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<SurveyCampaignRecord, SurveyCampaignChanged>.EntityId => CampaignId;

    public static SurveyCampaignRecord From(SurveyCampaignChanged change)
    {
        var campaign = new SurveyCampaignRecord { CampaignId = change.CampaignId };
        campaign.Apply(change);
        return campaign;
    }

    public bool Apply(SurveyCampaignChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (Name, UnitId, StartsOn, EndsOn) = (change.Name, change.UnitId, change.StartsOn, change.EndsOn);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
