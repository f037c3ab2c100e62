using System.Linq.Expressions;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Personnel.GraduateOfficials;

/// <summary>
/// A college-graduate village official (大学生村官): hired on a village or community, serving contract terms
/// one after the other up to a limit (任满两期不再续聘), until the exit taken (五条出路). The official's
/// <see cref="PostKind.CollegeGraduateOfficial"/> post begins at hiring and ends on the exit day, so the post
/// history stays whole. Events carry this state and its version, never the person's name, ID number or phone.
/// </summary>
public sealed class GraduateOfficial : IPublishedEntity
{
    private readonly List<ContractTerm> terms = [];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The official's term in the post on the unit, begun at hiring.</summary>
    public Guid PostId { get; private set; }

    public DateOnly HiredOn { get; private set; }

    public IReadOnlyList<ContractTerm> Terms => terms;

    /// <summary>The current (latest) term's number, kept beside the terms so that lists and alerts filter and sort in SQL.</summary>
    public int TermNumber { get; private set; }

    /// <summary>The current term's last day.</summary>
    public DateOnly TermEnds { get; private set; }

    public GraduateOfficialExitPath? ExitPath { get; private set; }

    /// <summary>The first day out of post; a day ahead means the exit is arranged.</summary>
    public DateOnly? ExitOn { get; private set; }

    public string? ExitNote { get; private set; }

    public long Version { get; private set; } = 1;

    /// <summary>Hired on <paramref name="hiredOn"/>, the first term running from that day to <paramref name="termEnds"/>.</summary>
    public static GraduateOfficial Hire(Guid personId, Guid unitId, Guid postId, DateOnly hiredOn, DateOnly termEnds)
    {
        var official = new GraduateOfficial { PersonId = personId, UnitId = unitId, PostId = postId, HiredOn = hiredOn };
        official.AddTerm(hiredOn, termEnds);
        return official;
    }

    /// <summary>The next term, from the day after the current one ends; refused past <paramref name="maxTerms"/> terms or after an exit.</summary>
    public void Renew(DateOnly termEnds, int maxTerms)
    {
        if (ExitPath is { } path)
        {
            throw new ConflictException($"This official's exit ({path}, from {ExitOn:yyyy-MM-dd}) is recorded: a contract is not renewed after an exit.");
        }

        if (terms.Count >= maxTerms)
        {
            throw new ConflictException(TermLimit.Refusal(maxTerms));
        }

        AddTerm(TermEnds.AddDays(1), termEnds);
        Version++;
    }

    /// <summary>The exit taken, or arranged for a day ahead; <paramref name="on"/> is the first day out of post.</summary>
    public void Exit(GraduateOfficialExitPath path, DateOnly on, string? note)
    {
        if (ExitPath is { } taken)
        {
            throw new ConflictException($"This official's exit is recorded already: {taken}, from {ExitOn:yyyy-MM-dd}.");
        }

        if (on <= HiredOn)
        {
            throw new RuleViolationException("on", $"An official hired on {HiredOn:yyyy-MM-dd} leaves on a later day, not {on:yyyy-MM-dd}.");
        }

        ExitPath = path;
        ExitOn = on;
        ExitNote = note;
        Version++;
    }

    /// <summary>
    /// The alert of the notice's figures: no exit arranged, and the current term ends within
    /// <paramref name="windowDays"/> of <paramref name="today"/> or has ended already. An expression, so the
    /// database filters by the same rule the unit tests check.
    /// </summary>
    public static Expression<Func<GraduateOfficial, bool>> DueForAlert(DateOnly today, int windowDays)
    {
        var lastDay = today.AddDays(windowDays);
        return official => official.ExitPath == null && official.TermEnds <= lastDay;
    }

    /// <summary>Serving on <paramref name="day"/>: hired by then and not yet out of post.</summary>
    public static Expression<Func<GraduateOfficial, bool>> ServingOn(DateOnly day) =>
        official => official.HiredOn <= day && (official.ExitOn == null || official.ExitOn > day);

    public GraduateOfficialChanged ToEvent(DateTimeOffset now) =>
        new(Id, Version, PersonId, UnitId, HiredOn, TermNumber, TermEnds, ExitPath, ExitOn, now);

    private void AddTerm(DateOnly start, DateOnly end)
    {
        if (end <= start)
        {
            throw new RuleViolationException("termEnds", $"A term that starts on {start:yyyy-MM-dd} ends on a later day, not {end:yyyy-MM-dd}.");
        }

        terms.Add(new ContractTerm(terms.Count + 1, start, end));
        TermNumber = terms.Count;
        TermEnds = end;
    }
}
