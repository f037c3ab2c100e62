using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>Keeps the copy of the survey campaigns.</summary>
public sealed class SurveyCampaignChangedConsumer(DashboardDb db) : IConsumer<Batch<SurveyCampaignChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-survey-campaign-changed";

    public Task Consume(ConsumeContext<Batch<SurveyCampaignChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.SurveyCampaigns.ApplyNewestAsync(
            changes, ids => db.SurveyCampaigns.FromSql($"SELECT * FROM survey_campaigns WHERE campaign_id = ANY({ids}) FOR UPDATE"), ct));
}
