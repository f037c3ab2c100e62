using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Tree;

public sealed class AdministrativeUnitChangedConsumer(DashboardDb db) : IConsumer<AdministrativeUnitChanged>
{
    public Task Consume(ConsumeContext<AdministrativeUnitChanged> context) =>
        db.ApplyOnceAsync(context, this, async ct =>
        {
            var change = context.Message;
            // Row lock: two versions of one unit arriving together apply in version order.
            var unit = await db.Units.FromSql($"SELECT * FROM unit_replicas WHERE id = {change.UnitId} FOR UPDATE").FirstOrDefaultAsync(ct);
            if (unit is null)
            {
                db.Units.Add(UnitReplica.From(change));
            }
            else
            {
                unit.Apply(change);
            }
        });
}
