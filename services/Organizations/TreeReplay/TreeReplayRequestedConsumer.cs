using MassTransit;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;

namespace PartyPlatform.Organizations.TreeReplay;

/// <summary>
/// Publishes every unit's current state again, retired ones included, at its current version, and
/// every Party organisation's for a sender that copies them: a copy of the tree takes what it lacks
/// and ignores the versions it holds. A kind whose copy the sender says is current
/// (<see cref="TreeReplayRequested.Held"/>, <see cref="TreeReplayRequested.PartyOrganizations"/>)
/// is not replayed; a request without any figures replays both.
/// </summary>
public sealed partial class TreeReplayRequestedConsumer(
    OrganizationsDb db, SharedTreeReplay shared, ILogger<TreeReplayRequestedConsumer> logger)
    : IConsumer<TreeReplayRequested>, IInboxConsumer
{
    public static string Name => TreeReplayRequested.Queue;

    public async Task Consume(ConsumeContext<TreeReplayRequested> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var wanted = TreeKinds.None;
        if (request.Held is not { } units || units != await db.Units.DigestAsync(u => u.Version, ct))
        {
            wanted |= TreeKinds.Units;
        }

        // An old sender (or one without a copy of the organisations) says nothing of them: none for it, unless it asks for everything.
        var rebuild = request is { Held: null, PartyOrganizations: null };
        if (rebuild || (request.PartyOrganizations is { } organizations && organizations != await db.PartyOrganizations.DigestAsync(o => o.Version, ct)))
        {
            wanted |= TreeKinds.PartyOrganizations;
        }

        if (wanted == TreeKinds.None)
        {
            LogCurrent(logger, request.RequestedBy);
            return;
        }

        var replayed = await shared.ReplayAsync(wanted, async kinds =>
        {
            var (unitCount, organizationCount) = (0, 0);
            var applied = await db.ApplyOnceAsync(context, this, async token =>
            {
                if (kinds.HasFlag(TreeKinds.Units))
                {
                    var current = await db.Units.AsNoTracking().ToListAsync(token);
                    current.ForEach(unit => db.PublishOnCommit(unit.ToEvent(UnitChange.Replayed)));
                    unitCount = current.Count;
                }

                if (kinds.HasFlag(TreeKinds.PartyOrganizations))
                {
                    var current = await db.PartyOrganizations.AsNoTracking().ToListAsync(token);
                    current.ForEach(organization => db.PublishOnCommit(organization.ToEvent(UnitChange.Replayed)));
                    organizationCount = current.Count;
                }
            });
            if (applied)
            {
                LogReplayed(logger, unitCount, organizationCount, request.RequestedBy);
            }

            return applied;
        }, ct);
        if (replayed == TreeKinds.None)
        {
            LogAnswered(logger, request.RequestedBy);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The copy of {RequestedBy} holds the tree at its current versions: nothing to replay")]
    private static partial void LogCurrent(ILogger logger, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Units} units and {Organizations} Party organisations for {RequestedBy}")]
    private static partial void LogReplayed(ILogger logger, int units, int organizations, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "The tree replay asked for by {RequestedBy} was answered by one begun after the request arrived")]
    private static partial void LogAnswered(ILogger logger, string requestedBy);
}
