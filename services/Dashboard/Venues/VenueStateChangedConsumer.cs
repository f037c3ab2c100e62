using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>Keeps the dashboard's copy of each venue's state. Batched: an import plans hundreds of venues at once.</summary>
public sealed class VenueStateChangedConsumer(DashboardDb db) : IConsumer<Batch<VenueStateChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-venue-state-changed";

    public Task Consume(ConsumeContext<Batch<VenueStateChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.VenueRecords.ApplyNewestAsync(
            changes, ids => db.VenueRecords.FromSql($"SELECT * FROM venue_records WHERE venue_id = ANY({ids}) FOR UPDATE"), ct));
}
