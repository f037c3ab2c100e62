using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class AgeBandsTests
{
    [Fact]
    public void Each_bound_is_the_oldest_age_of_its_band_and_the_last_band_takes_everyone_older()
    {
        var byBirthYear = new Dictionary<int, int> { [1991] = 2, [1990] = 1, [1981] = 3, [1980] = 4, [1970] = 5, [1960] = 6 };

        var bands = AgeBands.Count(byBirthYear, 2026, [35, 45, 55]);

        Assert.Equal(
            [("≤35", (int?)null, (int?)35, 2), ("36–45", 36, 45, 4), ("46–55", 46, 55, 4), ("≥56", 56, null, 11)],
            bands.Select(b => (b.Label, b.From, b.To, b.Count)));
    }
}
