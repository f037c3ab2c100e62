using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Campaigns;

/// <summary>
/// Which campaigns a caller sees: those of a unit in the caller's subtree (a county's own campaign), and
/// those of a unit above the caller's (the city's campaign covers every county). Another county's campaign
/// is not found, as the existence rule asks.
/// </summary>
public static class CampaignVisibility
{
    public static async Task<IQueryable<Campaign>> VisibleCampaignsAsync(this SurveysDb db, ReplicaScope scope, CancellationToken ct)
    {
        var above = await scope.UnitsAboveAsync(ct);
        var units = await scope.UnitsAsync(ct);
        return db.Campaigns.Where(c => above.Contains(c.UnitId) || units.Any(u => u.Id == c.UnitId));
    }

    /// <summary>The campaign if the caller sees it, else null (404).</summary>
    public static async Task<Campaign?> VisibleCampaignAsync(this SurveysDb db, ReplicaScope scope, Guid id, CancellationToken ct) =>
        await (await db.VisibleCampaignsAsync(scope, ct)).FirstOrDefaultAsync(c => c.Id == id, ct);
}
