using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.Consumers;

/// <summary>
/// Publishes Assessments' current facts again (see <see cref="AssessmentsFactsReplayRequested"/>): the gradings, the
/// deadline shortfalls, the targets, the county scores and the confirmed award lists. Nothing changes here: the versions and fact ids are the ones already published, so consumers
/// apply only what they lack.
/// </summary>
public sealed partial class AssessmentsFactsReplayRequestedConsumer(AssessmentsDb db, ILogger<AssessmentsFactsReplayRequestedConsumer> logger)
    : IConsumer<AssessmentsFactsReplayRequested>, IInboxConsumer
{
    public static string Name => AssessmentsFactsReplayRequested.Queue;

    public async Task Consume(ConsumeContext<AssessmentsFactsReplayRequested> context)
    {
        var ct = context.CancellationToken;
        var held = context.Message.Held;
        var kinds = new List<Func<CancellationToken, Task<int>>>();
        async Task AddIfStale<T>(DbSet<T> set, Expression<Func<T, long>> version, Func<AssessmentsFactsHeld, CopyDigest?> copyOf, Func<T, object> toEvent)
            where T : class
        {
            if (held is null || (copyOf(held) is { } copy && copy != await set.DigestAsync(version, ct)))
            {
                kinds.Add(ct => PublishAllAsync(set, toEvent, ct));
            }
        }

        await AddIfStale(db.Gradings, g => g.Version, h => h.Gradings, g => g.ToEvent());
        await AddIfStale(db.Shortfalls, s => 0L, h => h.DeadlineShortfalls, s => s.ToEvent());
        await AddIfStale(db.Targets, t => t.Version, h => h.Targets, t => t.ToEvent());
        await AddIfStale(db.CountyScores, s => s.Version, h => h.CountyScores, s => s.ToEvent());
        await AddIfStale(db.AwardLists, l => l.Version, h => h.AwardLists, l => l.ToEvent());
        if (kinds.Count == 0)
        {
            LogCurrent(logger, context.Message.RequestedBy);
            return;
        }

        var facts = 0;
        if (await db.ApplyOnceAsync(context, this, async ct =>
            {
                foreach (var publish in kinds)
                {
                    facts += await publish(ct);
                }
            }))
        {
            LogReplayed(logger, facts, context.Message.RequestedBy);
        }
    }

    private async Task<int> PublishAllAsync<T>(DbSet<T> set, Func<T, object> toEvent, CancellationToken ct) where T : class
    {
        var entities = await set.AsNoTracking().ToListAsync(ct);
        entities.ForEach(entity => db.PublishOnCommit(toEvent(entity)));
        return entities.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The copies of {RequestedBy} hold every current Assessments fact: nothing to replay")]
    private static partial void LogCurrent(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Facts} Assessments facts for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int facts, string requestedBy);
}
