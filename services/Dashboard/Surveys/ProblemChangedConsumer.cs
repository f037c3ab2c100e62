using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;

namespace PartyPlatform.Dashboard.Surveys;

/// <summary>Keeps the copy of the ledger's problems; batched, as an import or the overdue watch moves many at once.</summary>
public sealed class ProblemChangedConsumer(DashboardDb db) : IConsumer<Batch<ProblemChanged>>, IInboxConsumer
{
    public static string Name => "dashboard-problem-changed";

    public Task Consume(ConsumeContext<Batch<ProblemChanged>> context) =>
        db.ApplyOnceAsync(context, this, (changes, ct) => db.Problems.ApplyNewestAsync(
            changes, ids => db.Problems.FromSql($"SELECT * FROM survey_problems WHERE problem_id = ANY({ids}) FOR UPDATE"), ct));
}
