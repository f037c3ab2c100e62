using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.Awards;

/// <summary>
/// A year's award list as the city confirmed it: the places in order, each with the candidate's score then. One per
/// year and kind; confirming it again replaces the places and makes a new version (the audit log keeps the earlier ones).
/// </summary>
public sealed class AwardList : IPublishedEntity
{
    private AwardList()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public int Year { get; private set; }

    public Guid RoundId { get; private set; }

    public AwardKind Kind { get; private set; }

    public List<AwardPlace> Places { get; private set; } = [];

    public string ConfirmedBy { get; private set; } = "";

    public DateTimeOffset ConfirmedAt { get; private set; }

    public long Version { get; private set; }

    public static AwardList For(Guid roundId, int year, AwardKind kind) => new() { RoundId = roundId, Year = year, Kind = kind };

    public void Confirm(IEnumerable<AwardCandidate> chosen, string actor, DateTimeOffset now)
    {
        Places = [.. chosen.Select((c, i) => new AwardPlace { Rank = i + 1, UnitId = c.UnitId, PersonId = c.PersonId, Score = c.Assessment.Score })];
        (ConfirmedBy, ConfirmedAt) = (actor, now);
        Version++;
    }

    public AwardListConfirmed ToEvent() =>
        new(Id, Version, Year, Kind, Places.ConvertAll(p => new AwardListEntry(p.Rank, p.UnitId, p.PersonId, p.Score)), ConfirmedAt);
}

/// <summary>One place on a confirmed list.</summary>
public sealed class AwardPlace
{
    public int Rank { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>The wealth leader; null on the townships' and villages' lists.</summary>
    public Guid? PersonId { get; set; }

    public decimal Score { get; set; }
}
