using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts;

namespace PartyPlatform.Messaging;

public static class VersionedCopies
{
    /// <summary>
    /// Applies the newest change per entity of a batch to its copy, or adds the copy. The copies are
    /// read with <paramref name="lockCopies"/> (a SELECT … FOR UPDATE): the row locks make two batches
    /// touching one entity apply one after the other, and the version check decides.
    /// </summary>
    public static async Task ApplyNewestAsync<TCopy, TEvent>(
        this DbSet<TCopy> copies, IReadOnlyList<TEvent> changes, Func<Guid[], IQueryable<TCopy>> lockCopies, CancellationToken ct)
        where TCopy : class, IVersionedCopy<TCopy, TEvent>
        where TEvent : IVersionedEvent
    {
        var latest = changes.GroupBy(c => c.EntityId).Select(g => g.MaxBy(c => c.Version)!).ToList();
        var held = await lockCopies(latest.Select(c => c.EntityId).ToArray()).ToDictionaryAsync(c => c.EntityId, ct);
        foreach (var change in latest)
        {
            if (held.TryGetValue(change.EntityId, out var copy))
            {
                copy.Apply(change);
            }
            else
            {
                copies.Add(TCopy.From(change));
            }
        }
    }
}
