using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>
/// Keeps the dashboard's copy of the coverage figures. Batched: one village's venue moves its
/// township, county and city at once, and an import moves hundreds.
/// </summary>
public sealed class VenueCoverageChangedConsumer(DashboardDb db) : IConsumer<Batch<VenueCoverageChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-venue-coverage-changed";

    public Task Consume(ConsumeContext<Batch<VenueCoverageChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.VenueCoverages.ApplyNewestAsync(
            changes, ids => db.VenueCoverages.FromSql($"SELECT * FROM venue_coverages WHERE unit_id = ANY({ids}) FOR UPDATE"), ct));
}
