using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.Dashboard.Data;

namespace PartyPlatform.Dashboard.Live;

/// <summary>
/// Hands each committed change of the read model to the open streams, in process: one Dashboard replica runs today, so every
/// commit happens where the streams are. Each stream is told only of the units in its caller's subtree.
/// </summary>
public sealed partial class FigureBroadcaster(IServiceScopeFactory scopes, IOptions<StreamOptions> options, ILogger<FigureBroadcaster> logger)
    : BackgroundService
{
    private readonly Channel<FigureChange> committed = Channel.CreateUnbounded<FigureChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<FigureSubscription, byte> subscriptions = new();

    private long version;

    /// <summary>Grows with every commit that changed a figure: what a cached answer was computed from.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Called after a commit; never waits, so a consumer is not slowed by the streams.</summary>
    public void Announce(FigureChange change)
    {
        Interlocked.Increment(ref version);
        committed.Writer.TryWrite(change);
    }

    /// <param name="root">The caller's unit; null for the whole city.</param>
    public FigureSubscription Subscribe(Guid? root)
    {
        var subscription = new FigureSubscription(root, options.Value.MaxPendingUnits, s => subscriptions.TryRemove(s, out _));
        subscriptions[subscription] = 0;
        return subscription;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var first in committed.Reader.ReadAllAsync(stoppingToken))
        {
            // What committed meanwhile goes out together: one lookup of the units' ancestors for many commits.
            var changes = new HashSet<(string Kind, Guid UnitId)>(first.Changes);
            while (committed.Reader.TryRead(out var more))
            {
                changes.UnionWith(more.Changes);
            }

            if (subscriptions.IsEmpty)
            {
                continue;
            }

            try
            {
                var lines = await LinesAsync([.. changes.Select(c => c.UnitId).Where(u => u != FigureChange.Everywhere).Distinct()], stoppingToken);
                foreach (var subscription in subscriptions.Keys)
                {
                    subscription.Offer(changes, lines);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLookupFailed(logger, e);
            }
        }
    }

    /// <summary>Each unit with its ancestors, itself first: three hops up reach the city from a village.</summary>
    private async Task<Dictionary<Guid, Guid[]>> LinesAsync(Guid[] unitIds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDb>();
        var rows = await (
                from unit in db.Units
                join parent in db.Units on unit.ParentId equals parent.Id into parents
                from parent in parents.DefaultIfEmpty()
                join grandparent in db.Units on parent.ParentId equals grandparent.Id into grandparents
                from grandparent in grandparents.DefaultIfEmpty()
                where unitIds.Contains(unit.Id)
                select new { unit.Id, unit.ParentId, Grandparent = parent.ParentId, GreatGrandparent = grandparent.ParentId })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new[] { r.Id, r.ParentId, r.Grandparent, r.GreatGrandparent }.OfType<Guid>().ToArray());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The units of committed figure changes could not be looked up; the open streams miss them")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception);
}
