using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Assessments;

/// <summary>Keeps the copy of the counties' assessment scores; a changed indicator set moves every county at once.</summary>
public sealed class CountyScoreChangedConsumer(DashboardDb db) : IConsumer<Batch<CountyScoreChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-county-score-changed";

    public Task Consume(ConsumeContext<Batch<CountyScoreChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.CountyScores.ApplyNewestAsync(
            changes, ids => db.CountyScores.FromSql($"SELECT * FROM county_scores WHERE score_id = ANY({ids}) FOR UPDATE"), ct));
}
