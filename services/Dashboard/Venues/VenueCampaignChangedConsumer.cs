using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Venues;

/// <summary>Keeps the copy of the campaign terms; batched like the other copies, the newest version wins.</summary>
public sealed class VenueCampaignChangedConsumer(DashboardDb db) : IConsumer<Batch<VenueCampaignChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-venue-campaign-changed";

    public Task Consume(ConsumeContext<Batch<VenueCampaignChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.VenueCampaigns.ApplyNewestAsync(
            changes, ids => db.VenueCampaigns.FromSql($"SELECT * FROM venue_campaigns WHERE campaign_id = ANY({ids}) FOR UPDATE"), ct));
}
