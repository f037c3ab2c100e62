namespace PartyPlatform.Venues.Funding;

/// <summary>
/// What a person may enter by hand: a pledge from any source but the city subsidy (which the rule
/// computes), naming who pledged where the source is an outside unit, and nothing dated in the future.
/// </summary>
public static class FundingEntry
{
    public static FundingLine Pledge(Guid venueId, FundingSource source, string? contributor, decimal pledged, DateOnly pledgedOn, DateOnly today)
    {
        if (source == FundingSource.CitySubsidy)
        {
            throw new RuleViolationException("source", "The city subsidy is computed by rule when a new build passes acceptance; it cannot be pledged by hand.");
        }

        var named = string.IsNullOrWhiteSpace(contributor) ? null : contributor.Trim();
        if (named is null && source is FundingSource.PartnerUnit or FundingSource.Enterprise)
        {
            throw new RuleViolationException("contributor", $"Name the {(source == FundingSource.PartnerUnit ? "partner unit" : "enterprise")} that pledged.");
        }

        CheckNotFuture(pledgedOn, today, "pledgedOn");
        return FundingLine.Pledge(venueId, source, named, pledged, pledgedOn);
    }

    /// <summary>Records the total that has arrived on <paramref name="line"/> so far, as of <paramref name="on"/>.</summary>
    public static void RecordArrival(FundingLine line, decimal arrived, DateOnly on, string? reason, DateOnly today)
    {
        CheckNotFuture(on, today, "arrivedOn");
        line.RecordArrival(arrived, on, reason);
    }

    private static void CheckNotFuture(DateOnly on, DateOnly today, string field)
    {
        if (on > today)
        {
            throw new RuleViolationException(field, $"{on:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        }
    }
}
