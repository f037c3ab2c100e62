using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Personnel;

/// <summary>Keeps the copy of each village's leaders; batched for a replay or the demo's start, a list per village of the city.</summary>
public sealed class VillageLeadersChangedConsumer(DashboardDb db) : IConsumer<Batch<VillageLeadersChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-village-leaders-changed";

    public Task Consume(ConsumeContext<Batch<VillageLeadersChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.VillageLeaders.ApplyNewestAsync(
            changes, ids => db.VillageLeaders.FromSql($"SELECT * FROM village_leaders WHERE village_id = ANY({ids}) FOR UPDATE"), ct));
}
