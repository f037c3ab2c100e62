using PartyPlatform.AdministrativeTree;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Figures;

/// <summary>The 四不漏 gaps of a campaign within some units, as the list and its export both read them.</summary>
public static class VisitGaps
{
    /// <summary>Organisations in scope never visited, or visited under <paramref name="floorPercent"/>; blank spots first, then by code.</summary>
    public static IQueryable<CampaignOrganization> Gaps(this SurveysDb db, Guid campaignId, IQueryable<UnitReplica> units, decimal floorPercent) =>
        // Under the floor: visited * 100 < floor * households, in integers and decimals the database compares exactly.
        db.CampaignOrganizations
            .Where(o => o.CampaignId == campaignId && o.SucceededBy == null && units.Any(u => u.Id == o.UnitId))
            .Where(o => o.VisitedHouseholds == 0 || (o.Households != null && o.VisitedHouseholds * 100m < floorPercent * o.Households));

    public static IOrderedQueryable<CampaignOrganization> BlankSpotsFirst(this IQueryable<CampaignOrganization> gaps) =>
        gaps.OrderBy(o => o.VisitedHouseholds == 0 ? 0 : 1).ThenBy(o => o.OrganizationCode);
}
