using Microsoft.EntityFrameworkCore;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Problems;

/// <summary>
/// Classifies problems as they arrive: 点上/普遍 over the problems of the same campaign, county and category, and
/// 偶发/反复 over those of the same organisation and category in every campaign. A problem whose classification
/// moved is published again; the raised ones are published once, classified.
/// </summary>
public static class LedgerClassification
{
    /// <summary>
    /// Takes the campaign's ledger lock until the transaction ends, so that two writes of one campaign count each
    /// other's problems: the second classifies after the first committed.
    /// </summary>
    private static Task LockLedgerAsync(this SurveysDb db, Guid campaignId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT id FROM campaigns WHERE id = {campaignId} FOR UPDATE", ct);

    /// <summary>Saves newly raised problems of one campaign, classified with the campaign's others, in one transaction under its ledger lock.</summary>
    public static async Task RaiseAsync(this SurveysDb db, Guid campaignId, IReadOnlyList<Problem> raised, int threshold, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockLedgerAsync(campaignId, ct);
        db.Problems.AddRange(raised);
        await db.ClassifyAsync(raised, threshold, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <param name="raised">Problems of one campaign, added to <paramref name="db"/> and not yet saved.</param>
    private static async Task ClassifyAsync(this SurveysDb db, IReadOnlyList<Problem> raised, int threshold, DateTimeOffset now, CancellationToken ct)
    {
        if (raised.Count == 0)
        {
            return;
        }

        var campaignId = raised[0].CampaignId;
        var categories = raised.Select(p => p.Category).Distinct().ToList();
        var counties = raised.Select(p => p.CountyId).Distinct().ToList();
        var organizations = raised.Select(p => p.OrganizationId).Distinct().ToList();
        var sameCounty = await db.Problems
            .Where(p => p.CampaignId == campaignId && categories.Contains(p.Category) && counties.Contains(p.CountyId)).ToListAsync(ct);
        var sameOrganization = await db.Problems.Where(p => organizations.Contains(p.OrganizationId) && categories.Contains(p.Category)).ToListAsync(ct);
        var all = sameCounty.Concat(sameOrganization).Concat(raised).DistinctBy(p => p.Id).ToList();

        var raising = all.Where(p => p.CampaignId == campaignId).GroupBy(p => (p.CountyId, p.Category))
            .ToDictionary(g => g.Key, g => g.Select(p => p.OrganizationId).Distinct().Count());
        var history = all.ToLookup(p => (p.OrganizationId, p.Category), p => (p.CampaignId, p.RaisedOn));
        foreach (var problem in all)
        {
            // Another campaign's spread is its own campaign's business; only its recurrence can move here.
            var spread = problem.CampaignId == campaignId ? SpreadRule.Of(raising[(problem.CountyId, problem.Category)], threshold) : problem.ComputedSpread;
            var recurrence = organizations.Contains(problem.OrganizationId)
                ? RecurrenceRule.Of((problem.CampaignId, problem.RaisedOn), history[(problem.OrganizationId, problem.Category)])
                : problem.Recurrence;
            if (problem.Classified(spread, recurrence, now) && !problem.IsNew)
            {
                db.PublishOnCommit(problem.ToEvent(now));
            }
        }

        foreach (var problem in raised)
        {
            db.PublishOnCommit(problem.ToEvent(now));
        }
    }
}
