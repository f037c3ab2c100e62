using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>Keeps the dashboard's copy of each venue. Batched: an import plans hundreds of venues at once.</summary>
public sealed class VenueChangedConsumer(DashboardDb db) : IConsumer<Batch<VenueChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-venue-changed";

    public Task Consume(ConsumeContext<Batch<VenueChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.VenueRecords.ApplyNewestAsync(
            changes, ids => db.VenueRecords.FromSql($"SELECT * FROM venue_records WHERE venue_id = ANY({ids}) FOR UPDATE"), ct));
}
