using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.People;

public static class WealthLeaders
{
    /// <summary>
    /// Publishes the person's new version when it is one copies keep (a wealth leader, now or before); every
    /// path that registers, changes or moves a person calls it in the same SaveChanges.
    /// </summary>
    public static void PublishIfWealthLeader(this PersonnelDb db, Person person, DateTimeOffset now)
    {
        if (person.PublishedAsWealthLeader)
        {
            db.PublishOnCommit(person.ToWealthLeaderEvent(now));
        }
    }

    /// <summary>The people whose versions are published: those who are, or were, wealth leaders.</summary>
    public static IQueryable<Person> Published(this IQueryable<Person> people) => people.Where(p => p.PublishedAsWealthLeader);
}
