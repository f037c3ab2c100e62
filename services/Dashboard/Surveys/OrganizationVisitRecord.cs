using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>The dashboard's copy of one organisation's visit figures in one campaign, kept from Surveys' events.</summary>
public sealed class OrganizationVisitRecord : IVersionedCopy<OrganizationVisitRecord, OrganizationVisitFiguresChanged>
{
    public Guid ScopeEntryId { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationCode { get; private set; } = "";

    public Guid UnitId { get; private set; }

    public int? Households { get; private set; }

    public int VisitedHouseholds { get; private set; }

    public bool InScope { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    Guid IVersionedCopy<OrganizationVisitRecord, OrganizationVisitFiguresChanged>.EntityId => ScopeEntryId;

    public static OrganizationVisitRecord From(OrganizationVisitFiguresChanged change)
    {
        var record = new OrganizationVisitRecord { ScopeEntryId = change.ScopeEntryId };
        record.Apply(change);
        return record;
    }

    public bool Apply(OrganizationVisitFiguresChanged change)
    {
        if (change.Version <= Version)
        {
            return false;
        }

        (CampaignId, OrganizationId, OrganizationCode, UnitId) = (change.CampaignId, change.OrganizationId, change.OrganizationCode, change.UnitId);
        (Households, VisitedHouseholds, InScope) = (change.Households, change.VisitedHouseholds, change.InScope);
        Version = change.Version;
        OccurredAt = change.OccurredAt.ToUniversalTime();
        return true;
    }
}
