using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Surveys.Campaigns;

/// <summary>
/// A door-to-door survey campaign (群众路线教育实践活动调研): a period, and a scope of grassroots Party
/// organisations (<see cref="CampaignOrganization"/>) under one unit, each to be visited household by household.
/// </summary>
public sealed class Campaign : IPublishedEntity
{
    public const int MaxNameLength = 100;

    private Campaign()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = "";

    /// <summary>The unit whose organisations the campaign covers: the city, or a county running its own.</summary>
    public Guid UnitId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long Version { get; private set; } = 1;

    public static Campaign Plan(string name, Guid unitId, DateOnly startsOn, DateOnly endsOn, DateTimeOffset now)
    {
        if (endsOn < startsOn)
        {
            throw new RuleViolationException("endsOn", $"The campaign cannot end ({endsOn:yyyy-MM-dd}) before it starts ({startsOn:yyyy-MM-dd}).");
        }

        return new Campaign { Name = name, UnitId = unitId, StartsOn = startsOn, EndsOn = endsOn, CreatedAt = now };
    }

    /// <summary>Whether a visit on <paramref name="day"/> falls in the campaign's period.</summary>
    public bool Covers(DateOnly day) => day >= StartsOn && day <= EndsOn;

    /// <summary>Running on <paramref name="today"/>: started and not yet ended.</summary>
    public bool IsRunning(DateOnly today) => Covers(today);

    public SurveyCampaignChanged ToEvent() => new(Id, Version, Name, UnitId, StartsOn, EndsOn, CreatedAt);
}
