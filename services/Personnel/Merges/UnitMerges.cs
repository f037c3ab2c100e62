using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Merges;

public static class UnitMerges
{
    /// <summary>
    /// For units the tree copy just saw merged away: their running terms end on the merge day (history is
    /// never rewritten), each holder is listed for re-posting in the successor, and the people registered on
    /// the retired unit move to the successor, so that its callers still see them (a wealth leader's move is published).
    /// </summary>
    public static async Task ApplyMergesAsync(
        this PersonnelDb db, IReadOnlyList<UnitReplicaChange> changed, IReadOnlyList<AdministrativeUnitChanged> events, CityCalendar calendar,
        DateTimeOffset now, CancellationToken ct)
    {
        var merges = changed.Where(c => c.Merged)
            .Select(c => events.Where(e => e.UnitId == c.Unit.Id).MaxBy(e => e.Version)!)
            .Where(e => e.SuccessorId is not null)
            .ToDictionary(e => e.UnitId);
        if (merges.Count == 0)
        {
            return;
        }

        var retired = merges.Keys.ToArray();
        var running = await db.Posts.Where(p => retired.Contains(p.UnitId) && p.End == null).ToListAsync(ct);
        foreach (var post in running)
        {
            var merge = merges[post.UnitId];
            var day = calendar.DayOf(merge.OccurredAt);
            post.EndByMerge(day);
            db.PublishOnCommit(post.ToEvent(now));
            db.Repostings.Add(Reposting.For(post.PersonId, post.Id, post.Kind, post.UnitId, merge.SuccessorId!.Value, day));
        }

        foreach (var person in await db.People.Where(p => retired.Contains(p.UnitId)).ToListAsync(ct))
        {
            person.MoveTo(merges[person.UnitId].SuccessorId!.Value);
            db.PublishIfWealthLeader(person, now);
        }
    }
}
