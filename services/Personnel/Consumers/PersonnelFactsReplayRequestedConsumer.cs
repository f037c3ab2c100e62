using System.Linq.Expressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Consumers;

/// <summary>
/// Publishes Personnel's current facts again (see <see cref="PersonnelFactsReplayRequested"/>). Nothing
/// changes here: the versions are the ones already published, so consumers apply only what they lack.
/// </summary>
public sealed partial class PersonnelFactsReplayRequestedConsumer(PersonnelDb db, TimeProvider time, ILogger<PersonnelFactsReplayRequestedConsumer> logger)
    : IConsumer<PersonnelFactsReplayRequested>, IInboxConsumer
{
    public static string Name => PersonnelFactsReplayRequested.Queue;

    public async Task Consume(ConsumeContext<PersonnelFactsReplayRequested> context)
    {
        var ct = context.CancellationToken;
        var held = context.Message.Held;
        var now = time.GetUtcNow();
        // The kinds to publish again: all of them for a rebuild by hand, else those the sender copies and holds stale.
        var kinds = new List<Func<CancellationToken, Task<int>>>();
        async Task AddIfStale<T>(IQueryable<T> set, Expression<Func<T, long>> version, Func<PersonnelFactsHeld, CopyDigest?> copyOf, Func<T, object> toEvent)
            where T : class
        {
            if (held is null || (copyOf(held) is { } copy && copy != await set.DigestAsync(version, ct)))
            {
                kinds.Add(ct => PublishAllAsync(set, toEvent, ct));
            }
        }

        await AddIfStale(db.Posts, p => p.Version, h => h.Posts, p => p.ToEvent(now));
        await AddIfStale(db.EligibilityFlags, f => f.Version, h => h.EligibilityFlags, f => f.ToEvent(now));
        await AddIfStale(db.WatchList, e => e.Version, h => h.WatchList, e => e.ToEvent(now));
        await AddIfStale(db.GraduateOfficials, o => o.Version, h => h.GraduateOfficials, o => o.ToEvent(now));
        await AddIfStale(db.ProfileSnapshots, s => s.Version, h => h.Profiles, s => s.ToEvent());
        await AddIfStale(db.VillageLeaders, s => s.Version, h => h.VillageLeaders, s => s.ToEvent());
        await AddIfStale(db.People.Published(), p => p.Version, h => h.WealthLeaders, p => p.ToWealthLeaderEvent(now));
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

    private async Task<int> PublishAllAsync<T>(IQueryable<T> set, Func<T, object> toEvent, CancellationToken ct) where T : class
    {
        var entities = await set.AsNoTracking().ToListAsync(ct);
        entities.ForEach(entity => db.PublishOnCommit(toEvent(entity)));
        return entities.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The copies of {RequestedBy} hold every current Personnel fact: nothing to replay")]
    private static partial void LogCurrent(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Facts} Personnel facts for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int facts, string requestedBy);
}
