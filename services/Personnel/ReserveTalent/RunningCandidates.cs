using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.ReserveTalent;

public static class RunningCandidates
{
    /// <summary>
    /// The reserve-talent terms running on <paramref name="today"/>: begun, and not yet at their first day out
    /// of post. A term recorded ahead (beginning later, or ending on a later day) counts on the days it runs.
    /// </summary>
    public static IQueryable<Post> On(PersonnelDb db, DateOnly today) =>
        db.Posts.Where(p => p.Kind == PostKind.ReserveTalent && p.Start <= today && (p.End == null || today < p.End));
}
