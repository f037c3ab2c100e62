using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>Keeps the copy of the rounds' targets, the city's and the counties' own.</summary>
public sealed class GradingTargetsChangedConsumer(DashboardDb db) : IConsumer<Batch<GradingTargetsChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-grading-targets-changed";

    public Task Consume(ConsumeContext<Batch<GradingTargetsChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.GradingTargets.ApplyNewestAsync(
            changes, ids => db.GradingTargets.FromSql($"SELECT * FROM grading_targets WHERE target_id = ANY({ids}) FOR UPDATE"), ct));
}
