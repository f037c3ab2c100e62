namespace PartyPlatform.Venues.Funding;

/// <summary>Money for one venue from one source: what was pledged, and what has arrived (及时足额到位).</summary>
public sealed class FundingLine
{
    /// <summary>Within what the columns hold (numeric(14, 2)); requests above it are refused, not truncated.</summary>
    public const string MaxAmount = "999999999999";

    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public FundingSource Source { get; private set; }

    /// <summary>Who pledged, e.g. the partner unit's or the enterprise's name.</summary>
    public string? Contributor { get; private set; }

    public decimal Pledged { get; private set; }

    public DateOnly PledgedOn { get; private set; }

    public decimal Arrived { get; private set; }

    public DateOnly? ArrivedOn { get; private set; }

    /// <summary>Why more arrived than was pledged; required in that case.</summary>
    public string? Reason { get; private set; }

    public long Version { get; private set; }

    public static FundingLine Pledge(Guid venueId, FundingSource source, string? contributor, decimal pledged, DateOnly pledgedOn) =>
        new()
        {
            Id = Guid.CreateVersion7(), VenueId = venueId, Source = source, Contributor = contributor,
            Pledged = CheckAmount(pledged, "pledged"), PledgedOn = pledgedOn, Version = 1,
        };

    /// <summary>Records the total that has arrived so far, as of <paramref name="on"/>.</summary>
    public void RecordArrival(decimal arrived, DateOnly on, string? reason)
    {
        CheckAmount(arrived, "arrived");
        if (on < PledgedOn)
        {
            throw new RuleViolationException("arrivedOn", $"Money cannot arrive on {on:yyyy-MM-dd}, before it was pledged on {PledgedOn:yyyy-MM-dd}.");
        }

        if (ArrivedOn is { } last && on < last)
        {
            throw new RuleViolationException("arrivedOn", $"{on:yyyy-MM-dd} is before the last arrival on {last:yyyy-MM-dd}.");
        }

        if (arrived > Pledged && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("reason", $"{arrived} yuan arrived against {Pledged} pledged: say why.");
        }

        Arrived = arrived;
        ArrivedOn = on;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Version++;
    }

    public decimal Gap => Math.Max(0, Pledged - Arrived);

    private static decimal CheckAmount(decimal amount, string field) =>
        amount >= 0 ? amount : throw new RuleViolationException(field, "An amount cannot be negative.");
}
