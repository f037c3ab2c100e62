using Microsoft.EntityFrameworkCore;
using PartyPlatform.Surveys.Data;
using PartyPlatform.Surveys.Figures;

namespace PartyPlatform.Surveys.Ingests;

public static class IngestEnding
{
    /// <summary>
    /// Recounts the organisations the ingest touched (each whose figures moved is published once) and stores how it ended,
    /// in the caller's transaction: whoever ends an ingest (its upload, or the sweep of an abandoned one) ends it alike.
    /// </summary>
    public static async Task EndIngestAsync(this SurveysDb db, Ingest ended, IReadOnlyCollection<Guid> touched, CancellationToken ct)
    {
        if (touched.Count > 0)
        {
            await db.RecountAsync(ended.CampaignId, touched, ended.EndedAt!.Value, ct);
        }

        await db.Set<Ingest>().Where(i => i.Id == ended.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ended.Status)
            .SetProperty(i => i.Failure, ended.Failure)
            .SetProperty(i => i.EndedAt, ended.EndedAt), ct);
    }
}
