using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Surveys;

public static class HeldSurveysFacts
{
    /// <summary>What the Dashboard's copies of Surveys' facts hold, for the replay asked for at start.</summary>
    public static async Task<SurveysFactsHeld> SurveysFactsHeldAsync(this DashboardDb db, CancellationToken ct) => new(
        OrganizationVisitFigures: await db.OrganizationVisits.DigestAsync(o => o.Version, ct),
        Problems: await db.Problems.DigestAsync(p => p.Version, ct),
        Campaigns: await db.SurveyCampaigns.DigestAsync(c => c.Version, ct),
        Classifications: await db.Classifications.DigestAsync(c => c.Version, ct));
}
