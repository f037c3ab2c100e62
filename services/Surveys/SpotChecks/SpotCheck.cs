namespace PartyPlatform.Surveys.SpotChecks;

/// <summary>
/// A city inspection group's spot check (抽查) of one organisation's visits: how many households it called on
/// again, how many confirmed the visit, and what it found. The city's own accounts record them.
/// </summary>
public sealed class SpotCheck
{
    public const int MaxGroupLength = 50;
    public const int MaxFindingsLength = 1000;

    private SpotCheck()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly CheckedOn { get; private set; }

    /// <summary>The inspection group (督导组) that checked.</summary>
    public string InspectionGroup { get; private set; } = "";

    public int HouseholdsChecked { get; private set; }

    public int HouseholdsConfirmed { get; private set; }

    public string? Findings { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Fewer confirmed than checked is a finding in itself: visits reported that households do not remember.</summary>
    public bool HasFinding => HouseholdsConfirmed < HouseholdsChecked || Findings is not null;

    public static SpotCheck Record(
        Guid campaignId, Guid organizationId, Guid unitId, DateOnly checkedOn, string group, int householdsChecked, int householdsConfirmed, string? findings,
        DateTimeOffset now)
    {
        if (householdsConfirmed > householdsChecked)
        {
            throw new RuleViolationException("householdsConfirmed",
                $"{householdsConfirmed} households cannot confirm a visit when {householdsChecked} were checked.");
        }

        return new SpotCheck
        {
            CampaignId = campaignId, OrganizationId = organizationId, UnitId = unitId, CheckedOn = checkedOn, InspectionGroup = group,
            HouseholdsChecked = householdsChecked, HouseholdsConfirmed = householdsConfirmed, Findings = findings, RecordedAt = now,
        };
    }
}
