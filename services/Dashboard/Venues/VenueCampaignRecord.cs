using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>The dashboard's copy of the venue campaign's terms, for the 清零 countdown; one row.</summary>
public sealed class VenueCampaignRecord : IVersionedCopy<VenueCampaignRecord, VenueCampaignChanged>
{
    public Guid CampaignId { get; private set; }

    public DateOnly Deadline { get; private set; }

    public DateTimeOffset DeadlinePassesAt { get; private set; }

    public decimal CitySubsidyPerNewBuild { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<VenueCampaignRecord, VenueCampaignChanged>.EntityId => CampaignId;

    public static VenueCampaignRecord From(VenueCampaignChanged change)
    {
        var campaign = new VenueCampaignRecord { CampaignId = VenueCampaignChanged.CampaignId };
        campaign.Apply(change);
        return campaign;
    }

    public bool Apply(VenueCampaignChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (Deadline, DeadlinePassesAt, CitySubsidyPerNewBuild) = (change.Deadline, change.DeadlinePassesAt.ToUniversalTime(), change.CitySubsidyPerNewBuild);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
