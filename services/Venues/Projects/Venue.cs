using System.Linq.Expressions;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Venues.Campaign;

namespace PartyPlatform.Venues.Projects;

/// <summary>
/// A village's activity venue and the construction project that builds it: what it is (kind,
/// floor area, functions, rooms), where its life stands (planned → under construction → completed
/// → accepted → in use, each with date and actor), its milestones and progress reports, and the
/// checklist version and score of its last standardisation inspection.
/// </summary>
public sealed class Venue : IPublishedEntity
{
    public const decimal MaxFloorArea = 10_000m;

    public Guid Id { get; private set; }

    public Guid VillageId { get; private set; }

    public VenueKind Kind { get; private set; }

    /// <summary>Square metres.</summary>
    public decimal FloorArea { get; private set; }

    public List<VenueFunction> Functions { get; private set; } = [];

    public List<IntegratedRoom> Rooms { get; private set; } = [];

    public VenueState State { get; private set; }

    public List<VenueStateChange> History { get; private set; } = [];

    public List<Milestone> Milestones { get; private set; } = [];

    public List<ProgressReport> Progress { get; private set; } = [];

    /// <summary>The checklist version the venue was last inspected against, and the score it got.</summary>
    public int? ChecklistVersion { get; private set; }

    public decimal? StandardScore { get; private set; }

    public long Version { get; private set; }

    /// <summary>The earliest milestone late as last published, and the first day it was late; null on schedule.</summary>
    public int? LateMilestoneOrder { get; private set; }

    public DateOnly? BehindSince { get; private set; }

    /// <summary>
    /// The version of the project's schedule state (<see cref="ProjectScheduleChanged"/>), apart from
    /// <see cref="Version"/>: time makes a project late with no write, and one event per move is enough.
    /// </summary>
    public long ScheduleVersion { get; private set; }

    /// <summary>A village counts as having a venue once its venue passed acceptance (验收).</summary>
    public bool CountsAsVenue => State >= VenueState.Accepted;

    public DateOnly StateDate => History[^1].On;

    public static Venue Plan(Guid villageId, VenueDescription description, DateOnly plannedOn, string actor, CampaignTerms terms, DateTimeOffset now)
    {
        var today = terms.DayOf(now);
        CheckNotFuture(plannedOn, today, "plannedOn");
        var venue = new Venue
        {
            Id = Guid.CreateVersion7(),
            VillageId = villageId,
            State = VenueState.Planned,
            History = [VenueStateChange.Of(VenueState.Planned, plannedOn, actor, now, null)],
            Milestones = ProjectSchedule.Backwards(terms),
        };
        venue.Describe(description);
        return venue;
    }

    public void Describe(VenueDescription description)
    {
        if (description.FloorArea is <= 0 or > MaxFloorArea)
        {
            throw new RuleViolationException("floorArea", $"The floor area must be more than 0 and at most {MaxFloorArea} m².");
        }

        Kind = description.Kind;
        FloorArea = description.FloorArea;
        Functions = [.. description.Functions.Distinct().Order()];
        Rooms = [.. description.Rooms.Distinct().Order()];
        Version++;
    }

    /// <summary>
    /// Moves the venue forward to <paramref name="state"/> on <paramref name="on"/>. States may be
    /// skipped (a ledger records what already happened) but never reversed, and dates never go back.
    /// Milestones reached with this state or an earlier one are completed on that day.
    /// </summary>
    public void Advance(VenueState state, DateOnly on, string actor, string? note, DateTimeOffset now, DateOnly today)
    {
        if (state <= State)
        {
            throw new RuleViolationException("state", $"The venue is already {State}; it can only move forward, not to {state}.");
        }

        if (on < StateDate)
        {
            throw new RuleViolationException("on", $"{on:yyyy-MM-dd} is before the venue became {State} on {StateDate:yyyy-MM-dd}.");
        }

        CheckNotFuture(on, today, "on");
        State = state;
        History.Add(VenueStateChange.Of(state, on, actor, now, note));
        foreach (var milestone in Milestones.Where(m => m.ReachedWith <= state))
        {
            milestone.Complete(on);
        }

        Version++;
    }

    public void CompleteMilestone(int order, DateOnly on, DateOnly today)
    {
        var milestone = Milestones.FirstOrDefault(m => m.Order == order)
                        ?? throw new RuleViolationException("order", $"The project has no milestone {order}.");
        if (milestone.CompletedOn is not null)
        {
            throw new ConflictException($"Milestone {order} ({milestone.Name}) was completed on {milestone.CompletedOn:yyyy-MM-dd}.");
        }

        if (on < History[0].On)
        {
            throw new RuleViolationException("on", $"{on:yyyy-MM-dd} is before the project was planned on {History[0].On:yyyy-MM-dd}.");
        }

        CheckNotFuture(on, today, "on");
        milestone.Complete(on);
        Version++;
    }

    public ProgressReport Report(DateOnly on, int percentComplete, string note, string reporter, DateTimeOffset now, DateOnly today)
    {
        if (percentComplete is < 0 or > 100)
        {
            throw new RuleViolationException("percentComplete", "Progress is a percentage from 0 to 100.");
        }

        CheckNotFuture(on, today, "on");
        if (Progress.Count > 0 && Progress.MaxBy(p => p.Sequence) is { } last)
        {
            if (on < last.On)
            {
                throw new RuleViolationException("on", $"{on:yyyy-MM-dd} is before the last report of {last.On:yyyy-MM-dd}.");
            }

            if (percentComplete < last.PercentComplete)
            {
                throw new RuleViolationException("percentComplete", $"Progress cannot fall below the last report's {last.PercentComplete} %.");
            }
        }

        var report = ProgressReport.Of(Progress.Count + 1, on, percentComplete, note, reporter, now);
        Progress.Add(report);
        Version++;
        return report;
    }

    public IEnumerable<Milestone> LateMilestones(DateOnly today) => Milestones.Where(m => m.IsLate(today));

    /// <summary>Behind schedule: a milestone is late.</summary>
    public bool IsBehindSchedule(DateOnly today) => Milestones.Any(m => m.IsLate(today));

    /// <summary><see cref="IsBehindSchedule"/> as a query, for lists filtered and paged in SQL (over the milestones' JSON).</summary>
    public static Expression<Func<Venue, bool>> BehindScheduleOn(DateOnly today) =>
        venue => venue.Milestones.Any(m => m.CompletedOn == null && m.PlannedDue < today);

    /// <summary>
    /// Brings the published schedule state in line with the milestones on <paramref name="today"/>:
    /// behind on the earliest late milestone since the day after it was due, or on schedule.
    /// </summary>
    /// <returns>Whether the state moved (and its version with it); the first call always moves it.</returns>
    public bool FollowSchedule(DateOnly today)
    {
        var late = LateMilestones(today).MinBy(m => m.Order);
        var since = late?.PlannedDue.AddDays(1);
        if (ScheduleVersion > 0 && late?.Order == LateMilestoneOrder && since == BehindSince)
        {
            return false;
        }

        LateMilestoneOrder = late?.Order;
        BehindSince = since;
        ScheduleVersion++;
        return true;
    }

    /// <summary>The schedule state as stored now, which the schedule check may have moved since this venue was read.</summary>
    public void ScheduleStoredAs(long version, int? lateMilestoneOrder, DateOnly? behindSince) =>
        (ScheduleVersion, LateMilestoneOrder, BehindSince) = (version, lateMilestoneOrder, behindSince);

    /// <summary>
    /// Projects whose published schedule state no longer holds on <paramref name="today"/> without a
    /// write: never published, or on schedule with a milestone's day passed unmet. (Only a write
    /// completes a milestone, and that write follows the schedule itself.)
    /// </summary>
    public static Expression<Func<Venue, bool>> ScheduleStaleOn(DateOnly today) =>
        venue => venue.ScheduleVersion == 0
                 || (venue.LateMilestoneOrder == null && venue.Milestones.Any(m => m.CompletedOn == null && m.PlannedDue < today));

    public ProjectScheduleChanged ToScheduleEvent(DateTimeOffset now)
    {
        var late = Milestones.FirstOrDefault(m => m.Order == LateMilestoneOrder);
        return new(Id, ScheduleVersion, VillageId, late is not null, late?.Order, late?.Name, late?.PlannedDue, BehindSince, now);
    }

    public void RecordInspection(int checklistVersion, decimal score)
    {
        ChecklistVersion = checklistVersion;
        StandardScore = score;
        Version++;
    }

    public VenueChanged ToEvent(DateTimeOffset now) =>
        new(Id, Version, VillageId, Kind, State, StateDate, FloorArea, ChecklistVersion, StandardScore, now);

    private static void CheckNotFuture(DateOnly on, DateOnly today, string field)
    {
        if (on > today)
        {
            throw new RuleViolationException(field, $"{on:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        }
    }
}

/// <summary>What a venue is, as a request describes it.</summary>
public sealed record VenueDescription(VenueKind Kind, decimal FloorArea, IReadOnlyList<VenueFunction> Functions, IReadOnlyList<IntegratedRoom> Rooms);
