using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Venues.Campaign;

/// <summary>
/// The city's venue campaign (攻坚清零行动) as data the city edits: the deadline by which every
/// village must have a venue, the standard milestones a project is scheduled with, and the city
/// subsidy per accepted new build. One row; changes are audited like every write, and each version
/// is published (<see cref="VenueCampaignChanged"/>) for the Dashboard's 清零 countdown.
/// </summary>
public sealed class Campaign : IPublishedEntity
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>The last day of the campaign; it passes at midnight after it, in <see cref="TimeZone"/>.</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>IANA time zone of the city's calendar days, e.g. Asia/Shanghai.</summary>
    public string TimeZone { get; private set; } = "Asia/Shanghai";

    /// <summary>Yuan paid by the city per newly built venue that passed acceptance.</summary>
    public decimal CitySubsidyPerNewBuild { get; private set; }

    /// <summary>In order; the last one ends on the deadline.</summary>
    public List<MilestoneTemplate> Milestones { get; private set; } = [];

    public long Version { get; private set; }

    Guid IPublishedEntity.Id => VenueCampaignChanged.CampaignId;

    public static Campaign Create(CampaignTerms terms)
    {
        var campaign = new Campaign();
        campaign.Change(terms);
        return campaign;
    }

    public void Change(CampaignTerms terms)
    {
        terms.Check();
        Deadline = terms.Deadline;
        TimeZone = terms.TimeZone;
        CitySubsidyPerNewBuild = terms.CitySubsidyPerNewBuild;
        Milestones = [.. terms.Milestones];
        Version++;
    }

    public CampaignTerms Terms => new(Deadline, TimeZone, CitySubsidyPerNewBuild, Milestones);

    public VenueCampaignChanged ToEvent(DateTimeOffset now) => new(
        Version, Deadline, TimeZone, Terms.DeadlinePassesAt, CitySubsidyPerNewBuild,
        Milestones.ConvertAll(m => new CampaignMilestone(m.Name, m.DurationDays, m.ReachedWith)), now);
}

/// <summary>A standard milestone: its name, how many days it takes, and the venue state that completes it (if any).</summary>
public sealed record MilestoneTemplate(string Name, int DurationDays, VenueState? ReachedWith = null);

/// <summary>The editable terms of the campaign, checked as a whole.</summary>
public sealed record CampaignTerms(DateOnly Deadline, string TimeZone, decimal CitySubsidyPerNewBuild, IReadOnlyList<MilestoneTemplate> Milestones)
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The instant the deadline has passed: the start of the day after it, in the city.</summary>
    public DateTimeOffset DeadlinePassesAt
    {
        get
        {
            var midnight = Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
        }
    }

    public DateOnly Today(TimeProvider time) => DayOf(time.GetUtcNow());

    /// <summary>The 清零 countdown: whole days from today to the deadline, 0 once it is here.</summary>
    public int DaysLeft(TimeProvider time) => Math.Max(0, Deadline.DayNumber - Today(time).DayNumber);

    /// <summary>The city's calendar day at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public void Check()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            throw new RuleViolationException("timeZone", $"'{TimeZone}' is not a known time zone (use an IANA name such as Asia/Shanghai).");
        }

        if (CitySubsidyPerNewBuild < 0)
        {
            throw new RuleViolationException("citySubsidyPerNewBuild", "The subsidy cannot be negative.");
        }

        if (Milestones.Count == 0)
        {
            throw new RuleViolationException("milestones", "A project needs at least one milestone.");
        }

        for (var i = 0; i < Milestones.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Milestones[i].Name))
            {
                throw new RuleViolationException($"milestones[{i}].name", "A milestone needs a name.");
            }

            if (Milestones[i].DurationDays is < 1 or > 3650)
            {
                throw new RuleViolationException($"milestones[{i}].durationDays", "A milestone takes 1 to 3650 days.");
            }
        }

        var reached = Milestones.Where(m => m.ReachedWith is not null).Select(m => m.ReachedWith!.Value).ToList();
        if (reached.Distinct().Count() != reached.Count || !reached.SequenceEqual(reached.Order()))
        {
            throw new RuleViolationException("milestones", "Milestones reached with a venue state must follow the states' order, each state once.");
        }
    }
}
