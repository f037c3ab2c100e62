namespace PartyPlatform.Contracts.Venues;

/// <summary>
/// The city changed the terms of the venue campaign (攻坚清零行动): the deadline every village must
/// have a venue by, the standard milestones projects are scheduled with, and the city subsidy per
/// accepted new build. One campaign, so one entity (<see cref="CampaignId"/>); <see cref="Version"/>
/// grows with each change, so a consumer keeps the newest.
/// </summary>
/// <param name="DeadlinePassesAt">The instant the deadline has passed: midnight after it in <see cref="TimeZone"/>.</param>
public sealed record VenueCampaignChanged(
    long Version,
    DateOnly Deadline,
    string TimeZone,
    DateTimeOffset DeadlinePassesAt,
    decimal CitySubsidyPerNewBuild,
    IReadOnlyList<CampaignMilestone> Milestones,
    DateTimeOffset OccurredAt) : IVersionedEvent
{
    /// <summary>The campaign's id in every service's copy: there is only one.</summary>
    public static readonly Guid CampaignId = new("0193a5c0-7f00-7000-8000-000000000001");

    Guid IVersionedEvent.EntityId => CampaignId;
}

/// <summary>A standard milestone: its name, how many days it takes, and the venue state that completes it (if any).</summary>
public sealed record CampaignMilestone(string Name, int DurationDays, VenueState? ReachedWith);
