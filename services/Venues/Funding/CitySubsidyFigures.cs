namespace PartyPlatform.Venues.Funding;

/// <summary>
/// The city subsidy of a county or township: what the rule says is due for its accepted new builds
/// at today's amount, against what the city subsidy lines record and what of it has arrived. Due and
/// recorded differ when the amount changed after some venues were accepted.
/// </summary>
public sealed record CitySubsidyFigures(int AcceptedNewBuilds, decimal PerNewBuild, decimal Due, decimal Recorded, decimal Arrived)
{
    public static CitySubsidyFigures Of(int acceptedNewBuilds, decimal perNewBuild, IEnumerable<FundingLine> lines)
    {
        var subsidy = lines.Where(l => l.Source == FundingSource.CitySubsidy).ToList();
        return new CitySubsidyFigures(
            acceptedNewBuilds, perNewBuild, acceptedNewBuilds * perNewBuild, subsidy.Sum(l => l.Pledged), subsidy.Sum(l => l.Arrived));
    }
}
