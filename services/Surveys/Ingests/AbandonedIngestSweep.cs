using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Ingests;

/// <summary>
/// Ends the ingests whose upload stopped without ending them (the service stopped or crashed mid-file): they would
/// stay <see cref="IngestStatus.Running"/> for ever, and the organisations of their committed batches would keep the
/// figures they had before. Each is ended Interrupted at the line it reached, with those organisations recounted and
/// published, as an upload that breaks off is; sending the file again completes it.
/// </summary>
public sealed partial class AbandonedIngestSweep(SurveysDb db, TimeProvider time, IOptionsMonitor<IngestOptions> options, ILogger<AbandonedIngestSweep> logger)
{
    /// <returns>How many ingests this sweep ended.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var before = now - options.CurrentValue.AbandonedAfter;
        var abandoned = await db.Ingests.AsNoTracking()
            .Where(i => i.Status == IngestStatus.Running && i.ProgressAt < before)
            .OrderBy(i => i.ProgressAt).Select(i => i.Id).ToListAsync(ct);
        var ended = 0;
        foreach (var id in abandoned)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Locked and read again: an upload still alive commits its next batch (or its end) after this, or before it
            // and then this one is no longer stale; another instance sweeping at once waits here and finds it ended.
            var ingest = await db.Ingests.FromSql($"SELECT * FROM ingests WHERE id = {id} FOR UPDATE").AsNoTracking().SingleAsync(ct);
            if (ingest.Status != IngestStatus.Running || ingest.ProgressAt >= before)
            {
                continue;
            }

            var touched = await db.Visits.Where(v => v.IngestId == id).Select(v => v.OrganizationId).Distinct().ToListAsync(ct);
            ingest.End(IngestStatus.Interrupted, $"No batch was committed after line {ingest.LastLine} for {options.CurrentValue.AbandonedAfter} (the service stopped mid-upload); send the file again to complete it.", now);
            await db.EndIngestAsync(ingest, touched, ct);
            await transaction.CommitAsync(ct);
            LogEnded(logger, id, ingest.LastLine, touched.Count);
            ended++;
        }

        return ended;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest {IngestId} was abandoned at line {LastLine}: ended Interrupted, {Organizations} organisations recounted")]
    private static partial void LogEnded(ILogger logger, Guid ingestId, long lastLine, int organizations);
}
