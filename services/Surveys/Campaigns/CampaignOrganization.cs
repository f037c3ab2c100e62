using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Surveys.Campaigns;

/// <summary>
/// One grassroots Party organisation in a campaign's scope, with its households and the campaign's figures
/// for it: distinct households visited, kept by <see cref="Figures.VisitFigures"/> after every write of
/// visits. The code is the organisation's stable code, which a county's file cites.
/// </summary>
public sealed class CampaignOrganization : IPublishedEntity
{
    public const int MaxHouseholds = 100_000;

    private CampaignOrganization()
    {
    }

    /// <summary>The organisation's place in this campaign, which its figures events name.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationCode { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    public PartyOrganizationKind Kind { get; private set; }

    /// <summary>The unit the organisation hangs on: the scope rule and the figures per township and county go by it.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>Households the organisation serves; null until entered or imported.</summary>
    public int? Households { get; private set; }

    public int VisitedHouseholds { get; private set; }

    /// <summary>Set when the organisation left the scope (its unit merged away); its visits stay as history.</summary>
    public Guid? SucceededBy { get; private set; }

    public long Version { get; private set; } = 1;

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool InScope => SucceededBy is null;

    public static CampaignOrganization Add(Guid campaignId, Guid organizationId, string code, string name, PartyOrganizationKind kind, Guid unitId, DateTimeOffset now) =>
        new()
        {
            CampaignId = campaignId, OrganizationId = organizationId, OrganizationCode = code, OrganizationName = name, Kind = kind, UnitId = unitId,
            UpdatedAt = now,
        };

    public static CampaignOrganization Add(Guid campaignId, PartyOrganizationReplica organization, DateTimeOffset now) =>
        Add(campaignId, organization.Id, organization.Code, organization.Name, organization.Kind, organization.UnitId, now);

    /// <summary>
    /// Follows the organisation's copy: a new name, or a move to a successor unit in a merge (撤并), which moves
    /// its figures to the successor's township and county. False when nothing the figures carry moved.
    /// </summary>
    public bool Follow(PartyOrganizationReplica organization, DateTimeOffset now)
    {
        if ((OrganizationName, UnitId) == (organization.Name, organization.UnitId))
        {
            return false;
        }

        (OrganizationName, UnitId) = (organization.Name, organization.UnitId);
        Touch(now);
        return true;
    }

    /// <summary>The organisation was merged into <paramref name="successor"/>: it leaves the scope, its visits stay as history.</summary>
    public void LeaveFor(Guid successor, DateTimeOffset now)
    {
        SucceededBy = successor;
        Touch(now);
    }

    public bool SetHouseholds(int households, DateTimeOffset now)
    {
        if (households is < 1 or > MaxHouseholds)
        {
            throw new RuleViolationException("households", $"An organisation serves between 1 and {MaxHouseholds:N0} households, not {households}.");
        }

        if (households < VisitedHouseholds)
        {
            throw new RuleViolationException("households",
                $"{VisitedHouseholds} distinct households of '{OrganizationName}' have been visited already; it cannot have fewer ({households}).");
        }

        if (households == Households)
        {
            return false;
        }

        Households = households;
        Touch(now);
        return true;
    }

    /// <summary>The distinct households visited, as counted over the visits; false when it has not moved.</summary>
    public bool Counted(int visitedHouseholds, DateTimeOffset now)
    {
        if (visitedHouseholds == VisitedHouseholds)
        {
            return false;
        }

        VisitedHouseholds = visitedHouseholds;
        Touch(now);
        return true;
    }

    /// <summary>The visit rate (入户率) in percent, one decimal; null while the households are unknown.</summary>
    public decimal? VisitRate => Contracts.Surveys.VisitRate.Percent(VisitedHouseholds, Households);

    public OrganizationVisitFiguresChanged ToEvent() =>
        new(Id, CampaignId, OrganizationId, OrganizationCode, UnitId, Version, Households, VisitedHouseholds, InScope, UpdatedAt);

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
