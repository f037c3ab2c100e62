using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;

namespace PartyPlatform.Organizations.TreeReplay;

/// <summary>
/// Publishes every unit's current state again, retired ones included, at its current version:
/// a copy of the tree takes what it lacks and ignores the versions it holds. A copy that says it
/// holds every current version (<see cref="TreeReplayRequested.Held"/>) gets nothing.
/// </summary>
public sealed partial class TreeReplayRequestedConsumer(
    OrganizationsDb db, SharedTreeReplay shared, ILogger<TreeReplayRequestedConsumer> logger)
    : IConsumer<TreeReplayRequested>, IInboxConsumer
{
    public static string Name => TreeReplayRequested.Queue;

    public async Task Consume(ConsumeContext<TreeReplayRequested> context)
    {
        var requestedBy = context.Message.RequestedBy;
        if (context.Message.Held is { } held && held == await db.Units.DigestAsync(u => u.Version, context.CancellationToken))
        {
            LogCurrent(logger, requestedBy, held.Count);
            return;
        }

        var replayed = await shared.ReplayAsync(async () =>
        {
            var units = 0;
            var applied = await db.ApplyOnceAsync(context, this, async ct =>
            {
                var current = await db.Units.AsNoTracking().ToListAsync(ct);
                current.ForEach(unit => db.PublishOnCommit(unit.ToEvent(UnitChange.Replayed)));
                units = current.Count;
            });
            if (applied)
            {
                LogReplayed(logger, units, requestedBy);
            }

            return applied;
        }, context.CancellationToken);
        if (!replayed)
        {
            LogAnswered(logger, requestedBy);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The copy of {RequestedBy} holds all {Units} units at their current versions: nothing to replay")]
    private static partial void LogCurrent(ILogger logger, string requestedBy, long units);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Units} units for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int units, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "The tree replay asked for by {RequestedBy} was answered by one begun after the request arrived")]
    private static partial void LogAnswered(ILogger logger, string requestedBy);
}
