using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>The dashboard's copy of an organisation's 好/中间/后进 in a campaign.</summary>
public sealed class ClassificationRecord : IVersionedCopy<ClassificationRecord, OrganizationClassified>
{
    public Guid ClassificationId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public OrganizationClass Class { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<ClassificationRecord, OrganizationClassified>.EntityId => ClassificationId;

    public static ClassificationRecord From(OrganizationClassified change)
    {
        var record = new ClassificationRecord { ClassificationId = change.ClassificationId };
        record.Apply(change);
        return record;
    }

    public bool Apply(OrganizationClassified change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (CampaignId, UnitId, Class) = (change.CampaignId, change.UnitId, change.Class);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
