namespace PartyPlatform.Venues.Funding;

/// <summary>Pledged, arrived and the gap over some funding lines, in all and per source (every source, zeros included).</summary>
public sealed record FundingTotals(decimal Pledged, decimal Arrived, decimal Gap, IReadOnlyList<SourceTotals> BySource)
{
    /// <summary>
    /// The gap is the sum of each line's gap: money beyond one pledge does not make up for another
    /// that has not arrived.
    /// </summary>
    public static FundingTotals Of(IEnumerable<FundingLine> lines)
    {
        var all = lines.ToList();
        var bySource = Enum.GetValues<FundingSource>().Select(source =>
        {
            var of = all.Where(l => l.Source == source).ToList();
            return new SourceTotals(source, of.Sum(l => l.Pledged), of.Sum(l => l.Arrived), of.Sum(l => l.Gap));
        });
        return new FundingTotals(all.Sum(l => l.Pledged), all.Sum(l => l.Arrived), all.Sum(l => l.Gap), [.. bySource]);
    }
}
