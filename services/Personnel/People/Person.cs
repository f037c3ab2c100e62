using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.People;

/// <summary>
/// A person the organisation departments follow, kept by the unit they belong to: only callers of that
/// unit (or above) learn that the person exists. The ID number and phone are personal information:
/// they leave the service masked, except to a personnel officer of the unit, and never in an event.
/// A wealth leader (致富带头人) is published (<see cref="WealthLeaderChanged"/>) from the first version that is
/// one, and every version after, so that copies also learn when someone stops being one; nobody else is.
/// </summary>
public sealed class Person : IPublishedEntity
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid UnitId { get; private set; }

    public string Name { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public string Ethnicity { get; private set; } = "";

    public Education Education { get; private set; }

    /// <summary>The day the person joined the Party; null for a non-member.</summary>
    public DateOnly? JoinedPartyOn { get; private set; }

    public PersonSource Source { get; private set; }

    public string IdNumber { get; private set; } = "";

    public string? Phone { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>Whether a version of this person was ever a wealth leader: then each version is published.</summary>
    public bool PublishedAsWealthLeader { get; private set; }

    public bool IsWealthLeader => Source == PersonSource.WealthLeader;

    bool IPublishedEntity.IsPublished => PublishedAsWealthLeader;

    public static Person Register(Guid unitId, PersonDetails details, DateOnly today)
    {
        details.Check(today);
        var person = new Person { UnitId = unitId };
        person.Apply(details);
        return person;
    }

    /// <summary>Takes new details (checked as at registration); false, and no new version, when they are the ones held.</summary>
    public bool Change(PersonDetails details, DateOnly today)
    {
        details.Check(today);
        if (IsRegisteredAs(UnitId, details))
        {
            return false;
        }

        Apply(details);
        Version++;
        return true;
    }

    /// <summary>Whether the person is registered on <paramref name="unitId"/> with exactly these details (an import sent again).</summary>
    public bool IsRegisteredAs(Guid unitId, PersonDetails details) =>
        UnitId == unitId && Name == details.Name && Gender == details.Gender && BirthDate == details.BirthDate
        && Ethnicity == details.Ethnicity && Education == details.Education && JoinedPartyOn == details.JoinedPartyOn
        && Source == details.Source && IdNumber == details.IdNumber.Value && Phone == details.Phone;

    /// <summary>The person's unit was merged away: they belong to its successor now.</summary>
    public void MoveTo(Guid unitId)
    {
        UnitId = unitId;
        Version++;
    }

    private void Apply(PersonDetails details)
    {
        Name = details.Name;
        Gender = details.Gender;
        BirthDate = details.BirthDate;
        Ethnicity = details.Ethnicity;
        Education = details.Education;
        JoinedPartyOn = details.JoinedPartyOn;
        Source = details.Source;
        IdNumber = details.IdNumber.Value;
        Phone = details.Phone;
        PublishedAsWealthLeader |= IsWealthLeader;
    }

    public WealthLeaderChanged ToWealthLeaderEvent(DateTimeOffset now) => new(Id, Version, UnitId, IsWealthLeader, JoinedPartyOn, now);
}
