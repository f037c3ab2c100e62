using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Classification;

public static class OpenProblems
{
    /// <summary>The problems of the ledger still open per organisation. MERGE-PENDING: the ledger lands with its own branch.</summary>
    public static Task<Dictionary<Guid, int>> OpenProblemsAsync(this SurveysDb db, Guid campaignId, Guid[] organizationIds, CancellationToken ct) =>
        Task.FromResult(new Dictionary<Guid, int>());
}
