using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Consumers;

/// <summary>
/// Publishes Surveys' current facts again (see <see cref="SurveysFactsReplayRequested"/>): the organisations' visit
/// figures and the ledger's problems. Nothing changes here: the versions are the ones already published, so
/// consumers apply only what they lack.
/// </summary>
public sealed partial class SurveysFactsReplayRequestedConsumer(SurveysDb db, TimeProvider time, ILogger<SurveysFactsReplayRequestedConsumer> logger)
    : IConsumer<SurveysFactsReplayRequested>, IInboxConsumer
{
    public static string Name => SurveysFactsReplayRequested.Queue;

    public async Task Consume(ConsumeContext<SurveysFactsReplayRequested> context)
    {
        var ct = context.CancellationToken;
        var held = context.Message.Held;
        var now = time.GetUtcNow();
        // The kinds to publish again: all of them for a rebuild by hand, else those the sender copies and holds stale.
        var kinds = new List<Func<CancellationToken, Task<int>>>();
        async Task AddIfStale<T>(DbSet<T> set, Expression<Func<T, long>> version, Func<SurveysFactsHeld, CopyDigest?> copyOf, Func<T, object> toEvent)
            where T : class
        {
            if (held is null || (copyOf(held) is { } copy && copy != await set.DigestAsync(version, ct)))
            {
                kinds.Add(ct => PublishAllAsync(set, toEvent, ct));
            }
        }

        await AddIfStale(db.CampaignOrganizations, o => o.Version, h => h.OrganizationVisitFigures, o => o.ToEvent());
        await AddIfStale(db.Problems, p => p.Version, h => h.Problems, p => p.ToEvent(now));
        await AddIfStale(db.Campaigns, c => c.Version, h => h.Campaigns, c => c.ToEvent());
        await AddIfStale(db.Classifications, c => c.Version, h => h.Classifications, c => c.ToEvent());
        if (kinds.Count == 0)
        {
            LogCurrent(logger, context.Message.RequestedBy);
            return;
        }

        var facts = 0;
        var applied = await db.ApplyOnceAsync(context, this, async ct =>
        {
            foreach (var publish in kinds)
            {
                facts += await publish(ct);
            }
        });
        if (applied)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "The copies of {RequestedBy} hold every current Surveys fact: nothing to replay")]
    private static partial void LogCurrent(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Facts} Surveys facts for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int facts, string requestedBy);
}
