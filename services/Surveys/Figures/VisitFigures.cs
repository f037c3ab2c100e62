using Microsoft.EntityFrameworkCore;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Figures;

/// <summary>
/// Recounts the distinct households visited of the organisations a write of visits touched, in the
/// write's transaction, and publishes each organisation whose figures moved once, however many visits
/// the write brought (an ingest of a county's file publishes once per organisation, not per visit).
/// </summary>
public static class VisitFigures
{
    /// <returns>The organisations whose figures moved.</returns>
    public static async Task<int> RecountAsync(this SurveysDb db, Guid campaignId, IReadOnlyCollection<Guid> organizationIds, DateTimeOffset now, CancellationToken ct)
    {
        var ids = organizationIds.Distinct().ToArray();
        // Row locks: two writes to one organisation count one after the other, and the second sees the first's visits.
        var organizations = await db.CampaignOrganizations
            .FromSql($"SELECT * FROM campaign_organizations WHERE campaign_id = {campaignId} AND organization_id = ANY({ids}) ORDER BY id FOR UPDATE")
            .ToListAsync(ct);
        var counts = await db.Visits.Where(v => v.CampaignId == campaignId && ids.Contains(v.OrganizationId))
            .GroupBy(v => v.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Households = g.Select(v => v.HouseholdKey).Distinct().Count() })
            .ToDictionaryAsync(c => c.OrganizationId, c => c.Households, ct);
        var moved = 0;
        foreach (var organization in organizations)
        {
            if (organization.Counted(counts.GetValueOrDefault(organization.OrganizationId), now))
            {
                db.PublishOnCommit(organization.ToEvent());
                moved++;
            }
        }

        await db.SaveChangesAsync(ct);
        return moved;
    }
}
