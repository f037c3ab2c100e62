using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Classification;

public static class OpenProblems
{
    /// <summary>
    /// The problems of the ledger not yet closed (未销号) per organisation, in one grouped query. Suggestions are not
    /// problems: an organisation is not held back for what people proposed.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> OpenProblemsAsync(this SurveysDb db, Guid campaignId, Guid[] organizationIds, CancellationToken ct) =>
        await db.Problems
            .Where(p => p.CampaignId == campaignId && organizationIds.Contains(p.OrganizationId) && p.Kind == ProblemKind.Problem
                        && p.Stage != RectificationStage.Closed)
            .GroupBy(p => p.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Open = g.Count() })
            .ToDictionaryAsync(g => g.OrganizationId, g => g.Open, ct);
}
