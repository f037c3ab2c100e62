using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>Keeps the copy of the funding figures. Batched: one pledge moves its township, county and city at once.</summary>
public sealed class VenueFundingChangedConsumer(DashboardDb db) : IConsumer<Batch<VenueFundingChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-venue-funding-changed";

    public Task Consume(ConsumeContext<Batch<VenueFundingChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.VenueFundings.ApplyNewestAsync(
            changes, ids => db.VenueFundings.FromSql($"SELECT * FROM venue_fundings WHERE unit_id = ANY({ids}) FOR UPDATE"), ct));
}
