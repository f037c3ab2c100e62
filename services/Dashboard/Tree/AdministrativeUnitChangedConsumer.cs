using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Tree;

/// <summary>
/// Keeps the dashboard's copy of the tree. Batched: loading a city's tree is thousands of events,
/// and one transaction per batch keeps up with them.
/// </summary>
public sealed class AdministrativeUnitChangedConsumer(DashboardDb db) : IConsumer<Batch<AdministrativeUnitChanged>>
{
    public Task Consume(ConsumeContext<Batch<AdministrativeUnitChanged>> context) =>
        db.ApplyOnceAsync(context, this, async (changes, ct) =>
        {
            var latest = changes.GroupBy(c => c.UnitId).Select(g => g.MaxBy(c => c.Version)!).ToList();
            var ids = latest.Select(c => c.UnitId).ToArray();
            // Row locks: two batches touching one unit apply one after the other, and the version check decides.
            var units = await db.Units.FromSql($"SELECT * FROM unit_replicas WHERE id = ANY({ids}) FOR UPDATE")
                .ToDictionaryAsync(u => u.Id, ct);
            foreach (var change in latest)
            {
                if (units.TryGetValue(change.UnitId, out var unit))
                {
                    unit.Apply(change);
                }
                else
                {
                    db.Units.Add(UnitReplica.From(change));
                }
            }
        });
}
