using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Profiles;

/// <summary>Each village's leaders in post (see <see cref="VillageLeadersChanged"/>), read and published.</summary>
public static class VillageLeadership
{
    /// <summary>
    /// Within the caller's transaction, with its changes saved: publishes the leaders of every village among
    /// <paramref name="touchedUnits"/> whose list moved. A unit with neither leaders nor a published list (a township,
    /// a village that never had any) has nothing to publish, so the list needs no telling villages from the rest.
    /// </summary>
    public static async Task PublishVillageLeadersAsync(this PersonnelDb db, IReadOnlyCollection<Guid> touchedUnits, DateTimeOffset now, CancellationToken ct)
    {
        var ids = touchedUnits.Distinct().ToArray();
        var leaders = await ForAsync(db, ids, ct);
        var snapshots = await db.VillageLeaders.Where(s => ids.Contains(s.VillageId)).ToDictionaryAsync(s => s.VillageId, ct);
        foreach (var village in leaders.Keys.Union(snapshots.Keys))
        {
            var snapshot = snapshots.GetValueOrDefault(village) ?? VillageLeadersSnapshot.For(village);
            if (snapshot.Update(leaders.GetValueOrDefault(village, []), now))
            {
                if (snapshot.Version == 1)
                {
                    db.VillageLeaders.Add(snapshot);
                }

                db.PublishOnCommit(snapshot.ToEvent());
            }
        }
    }

    /// <summary>
    /// Villages with leaders in post but no list published yet (their terms began before Personnel published
    /// village leaders) get their first list here, at start, in one transaction.
    /// </summary>
    public static async Task PublishUnpublishedVillageLeadersAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDb>();
        var kinds = VillageLeadersChanged.Kinds.ToArray();
        var unpublished = await db.Posts.Where(p => p.End == null && kinds.Contains(p.Kind))
            .Where(p => !db.VillageLeaders.Any(s => s.VillageId == p.UnitId)).Select(p => p.UnitId).Distinct().ToListAsync();
        if (unpublished.Count == 0)
        {
            return;
        }

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.PublishVillageLeadersAsync(unpublished, now, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
    }

    /// <summary>The terms in post in each of <paramref name="villages"/> that has any, secretary first, then by start and id.</summary>
    public static async Task<Dictionary<Guid, List<VillageLeader>>> ForAsync(PersonnelDb db, Guid[] villages, CancellationToken ct)
    {
        var kinds = VillageLeadersChanged.Kinds.ToArray();
        var rows = await (
                from post in db.Posts.Where(p => villages.Contains(p.UnitId) && p.End == null && kinds.Contains(p.Kind))
                join person in db.People on post.PersonId equals person.Id
                select new { post.UnitId, post.Id, post.Kind, post.PersonId, post.Start, person.BirthDate, person.Education, person.Source })
            .AsNoTracking().ToListAsync(ct);

        return rows.GroupBy(r => r.UnitId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(r => Array.IndexOf(kinds, r.Kind)).ThenBy(r => r.Start).ThenBy(r => r.Id)
                .Select(r => new VillageLeader(r.Id, r.Kind, r.PersonId, r.Start, r.BirthDate.Year, r.Education.ToString(), r.Source.ToString()))
                .ToList());
    }
}
