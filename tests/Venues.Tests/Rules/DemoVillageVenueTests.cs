using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.DemoData;

namespace PartyPlatform.Venues.Tests.Rules;

public sealed class DemoVillageVenueTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    /// <summary>The rural villages of a city shaped like the demo city's counties (18 townships of 28 villages each).</summary>
    private static readonly IReadOnlyList<(string County, DemoVillageVenue Venue)> City =
    [
        .. from county in new[] { "610502", "610503", "610522", "610523", "610524", "610525", "610526", "610527", "610528", "610581", "610582" }
           from township in Enumerable.Range(1, 18)
           from village in Enumerable.Range(201, 28)
           select (county, DemoVillageVenue.For($"{county}{township:D3}{village:D3}", Today, 20_000m)),
    ];

    [Fact]
    public void A_village_gets_the_same_record_on_every_run()
    {
        var first = DemoVillageVenue.For("610502003215", Today, 20_000m);
        var again = DemoVillageVenue.For("610502003215", Today, 20_000m);

        Assert.Equal((first.HadUsableVenue, first.Project?.PlannedOn, first.Project?.Steps.Count), (again.HadUsableVenue, again.Project?.PlannedOn, again.Project?.Steps.Count));
        Assert.Equal(first.Project?.Pledges, again.Project?.Pledges);
    }

    [Fact]
    public void About_six_in_ten_villages_had_a_venue_the_share_differing_by_county_and_a_quarter_of_the_others_have_a_project()
    {
        var shares = City.GroupBy(v => v.County).Select(c => c.Count(v => v.Venue.HadUsableVenue) / (double)c.Count()).ToList();
        var without = City.Where(v => !v.Venue.HadUsableVenue).ToList();

        Assert.InRange(City.Count(v => v.Venue.HadUsableVenue) / (double)City.Count, 0.55, 0.65);
        Assert.InRange(shares.Max() - shares.Min(), 0.15, 0.35);
        Assert.InRange(without.Count(v => v.Venue.Project is not null) / (double)without.Count, 0.2, 0.3);
    }

    [Fact]
    public void Projects_spread_over_the_states_with_days_in_order_and_none_after_today()
    {
        var projects = City.Select(v => v.Venue.Project).OfType<DemoProject>().ToList();

        Assert.All(Enum.GetValues<VenueState>(), state => Assert.Contains(projects, p => (p.Steps.Count == 0 ? VenueState.Planned : p.Steps[^1].State) == state));
        Assert.Contains(projects, p => p.SiteChosenOn is null);
        Assert.All(projects, p =>
        {
            DateOnly[] days = [p.PlannedOn, .. p.SiteChosenOn is { } chosen ? [chosen] : Array.Empty<DateOnly>(), .. p.Steps.Select(s => s.On)];
            Assert.Equal(days.Order(), days);
            Assert.InRange(days[^1], p.PlannedOn, Today);
            Assert.All(p.Pledges, pledge => Assert.InRange(pledge.ArrivedOn ?? p.PlannedOn, p.PlannedOn, Today));
            Assert.All(p.Pledges, pledge => Assert.InRange(pledge.Arrived, 0m, pledge.Pledged));
            Assert.Contains(p.Pledges, pledge => pledge is { Source: Funding.FundingSource.CountyFinance, Pledged: >= 10_000m and <= 30_000m });
        });
    }
}
