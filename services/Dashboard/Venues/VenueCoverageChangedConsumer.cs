using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>
/// Keeps the dashboard's copy of the coverage figures. Batched: one village's venue moves its
/// township, county and city at once, and an import moves hundreds.
/// </summary>
public sealed class VenueCoverageChangedConsumer(DashboardDb db) : IConsumer<Batch<VenueCoverageChanged>>
{
    public Task Consume(ConsumeContext<Batch<VenueCoverageChanged>> context) =>
        db.ApplyOnceAsync(context, this, ApplyAsync);

    /// <summary>Row locks make two batches touching one unit apply one after the other; the version check decides.</summary>
    private async Task ApplyAsync(IReadOnlyList<VenueCoverageChanged> changes, CancellationToken ct)
    {
        var latest = changes.GroupBy(c => c.UnitId).Select(g => g.MaxBy(c => c.Version)!).ToList();
        var ids = latest.Select(c => c.UnitId).ToArray();
        var copies = await db.VenueCoverages.FromSql($"SELECT * FROM venue_coverages WHERE unit_id = ANY({ids}) FOR UPDATE")
            .ToDictionaryAsync(c => c.UnitId, ct);
        foreach (var change in latest)
        {
            if (copies.TryGetValue(change.UnitId, out var copy))
            {
                copy.Apply(change);
            }
            else
            {
                db.VenueCoverages.Add(VenueCoverage.From(change));
            }
        }
    }
}
