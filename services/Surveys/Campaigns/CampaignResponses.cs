using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Surveys.Campaigns;

public sealed record CampaignResponse(Guid Id, string Name, Guid UnitId, DateOnly StartsOn, DateOnly EndsOn, int Organizations, DateTimeOffset CreatedAt)
{
    public static CampaignResponse From(Campaign campaign, int organizations) =>
        new(campaign.Id, campaign.Name, campaign.UnitId, campaign.StartsOn, campaign.EndsOn, organizations, campaign.CreatedAt);
}

/// <param name="VisitRate">入户率 in percent, one decimal; null while the households are unknown.</param>
public sealed record CampaignOrganizationResponse(
    Guid OrganizationId,
    string Code,
    string Name,
    PartyOrganizationKind Kind,
    Guid UnitId,
    int? Households,
    int VisitedHouseholds,
    decimal? VisitRate,
    bool InScope,
    long Version)
{
    public static CampaignOrganizationResponse From(CampaignOrganization o) =>
        new(o.OrganizationId, o.OrganizationCode, o.OrganizationName, o.Kind, o.UnitId, o.Households, o.VisitedHouseholds, o.VisitRate, o.InScope, o.Version);
}
