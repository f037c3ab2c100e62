using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;

namespace PartyPlatform.Dashboard.Assessments;

public static class HeldAssessmentsFacts
{
    /// <summary>What the Dashboard's copies of Assessments' facts hold, for the replay asked for at start.</summary>
    public static async Task<AssessmentsFactsHeld> AssessmentsFactsHeldAsync(this DashboardDb db, CancellationToken ct) => new(
        Gradings: await db.Gradings.DigestAsync(g => g.Version, ct),
        Targets: await db.GradingTargets.DigestAsync(t => t.Version, ct),
        CountyScores: await db.CountyScores.DigestAsync(s => s.Version, ct));
}
