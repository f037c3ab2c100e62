namespace PartyPlatform.Contracts.Personnel;

/// <summary>
/// Age bands drawn from birth years on a given year: each bound is the oldest age of its band, and the
/// last band is everyone older. Bounds [35, 45, 55] give "≤35", "36–45", "46–55" and "≥56". An age here is
/// the age reached in the year, the way yearly statistics count it.
/// </summary>
public static class AgeBands
{
    public static IReadOnlyList<AgeBand> Count(IReadOnlyDictionary<int, int> byBirthYear, int year, IReadOnlyList<int> bounds)
    {
        var bands = new List<AgeBand>();
        var lowest = 0;
        foreach (var bound in bounds.Distinct().Order().Append(int.MaxValue))
        {
            var count = byBirthYear.Where(y => year - y.Key >= lowest && year - y.Key <= bound).Sum(y => y.Value);
            bands.Add(new AgeBand(lowest == 0 ? $"≤{bound}" : bound == int.MaxValue ? $"≥{lowest}" : $"{lowest}–{bound}",
                lowest == 0 ? null : lowest, bound == int.MaxValue ? null : bound, count));
            lowest = bound == int.MaxValue ? lowest : bound + 1;
        }

        return bands;
    }
}

/// <param name="From">The youngest age of the band; null for the first.</param>
/// <param name="To">The oldest age of the band; null for the last.</param>
public sealed record AgeBand(string Label, int? From, int? To, int Count);
