using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Funding;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Rules;

public sealed class FundingRulesTests
{
    private static readonly DateOnly PledgedOn = new(2026, 3, 1);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid VenueId = Guid.CreateVersion7();

    [Fact]
    public void A_negative_pledge_is_refused_naming_pledged()
    {
        var refused = Assert.Throws<RuleViolationException>(() => FundingLine.Pledge(VenueId, FundingSource.CountyFinance, null, -1m, PledgedOn));

        Assert.Equal("pledged", refused.Field);
    }

    [Fact]
    public void Arrivals_are_cumulative_and_the_gap_is_what_has_not_arrived()
    {
        var line = FundingLine.Pledge(VenueId, FundingSource.CountyFinance, null, 50_000m, PledgedOn);

        line.RecordArrival(20_000m, new DateOnly(2026, 4, 1), null);
        Assert.Equal((20_000m, 30_000m, 2L), (line.Arrived, line.Gap, line.Version));

        line.RecordArrival(50_000m, new DateOnly(2026, 5, 1), null);
        Assert.Equal((50_000m, 0m, new DateOnly(2026, 5, 1), 3L), (line.Arrived, line.Gap, line.ArrivedOn, line.Version));
    }

    [Fact]
    public void More_than_was_pledged_needs_a_reason_and_then_leaves_no_gap()
    {
        var line = FundingLine.Pledge(VenueId, FundingSource.Township, null, 10_000m, PledgedOn);

        var refused = Assert.Throws<RuleViolationException>(() => line.RecordArrival(12_000m, new DateOnly(2026, 4, 1), "  "));
        Assert.Equal("reason", refused.Field);
        Assert.Equal((0m, (DateOnly?)null, 1L), (line.Arrived, line.ArrivedOn, line.Version));

        line.RecordArrival(12_000m, new DateOnly(2026, 4, 1), " 镇财政追加 ");
        Assert.Equal((12_000m, 0m, "镇财政追加"), (line.Arrived, line.Gap, line.Reason));
    }

    [Theory]
    [InlineData(-1, "2026-04-01", "arrived")]
    [InlineData(1000, "2026-02-28", "arrivedOn")]
    [InlineData(1000, "2026-04-30", "arrivedOn")]
    public void A_bad_arrival_is_refused_naming_the_field_and_changes_nothing(int arrived, string on, string field)
    {
        var line = FundingLine.Pledge(VenueId, FundingSource.CountyFinance, null, 10_000m, PledgedOn);
        line.RecordArrival(500m, new DateOnly(2026, 5, 1), null);

        var refused = Assert.Throws<RuleViolationException>(() => line.RecordArrival(arrived, DateOnly.Parse(on), null));

        Assert.Equal(field, refused.Field);
        Assert.Equal((500m, new DateOnly(2026, 5, 1), 2L), (line.Arrived, line.ArrivedOn, line.Version));
    }

    [Fact]
    public void The_city_subsidy_cannot_be_pledged_by_hand()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            FundingEntry.Pledge(VenueId, FundingSource.CitySubsidy, null, 20_000m, PledgedOn, Today));

        Assert.Equal("source", refused.Field);
    }

    [Theory]
    [InlineData(FundingSource.PartnerUnit, null)]
    [InlineData(FundingSource.Enterprise, "  ")]
    public void Partner_units_and_enterprises_name_the_contributor(FundingSource source, string? contributor)
    {
        var refused = Assert.Throws<RuleViolationException>(() => FundingEntry.Pledge(VenueId, source, contributor, 5_000m, PledgedOn, Today));

        Assert.Equal("contributor", refused.Field);
    }

    [Fact]
    public void A_pledge_by_hand_keeps_its_trimmed_contributor_and_needs_none_from_public_finance()
    {
        var partner = FundingEntry.Pledge(VenueId, FundingSource.PartnerUnit, " 市财政局 ", 5_000m, PledgedOn, Today);
        var county = FundingEntry.Pledge(VenueId, FundingSource.CountyFinance, null, 30_000m, PledgedOn, Today);

        Assert.Equal(("市财政局", 5_000m, PledgedOn), (partner.Contributor, partner.Pledged, partner.PledgedOn));
        Assert.Null(county.Contributor);
    }

    [Fact]
    public void Nothing_is_pledged_or_arrives_in_the_future()
    {
        var pledge = Assert.Throws<RuleViolationException>(() =>
            FundingEntry.Pledge(VenueId, FundingSource.Township, null, 5_000m, Today.AddDays(1), Today));
        var line = FundingEntry.Pledge(VenueId, FundingSource.Township, null, 5_000m, PledgedOn, Today);
        var arrival = Assert.Throws<RuleViolationException>(() => FundingEntry.RecordArrival(line, 1_000m, Today.AddDays(1), null, Today));

        Assert.Equal(("pledgedOn", "arrivedOn"), (pledge.Field, arrival.Field));
        Assert.Equal(0m, line.Arrived);
    }

    [Theory]
    [InlineData(1000, null, null, "arrivedOn")]
    [InlineData(null, "2026-04-01", null, "arrived")]
    [InlineData(null, null, "提前拨付", "arrived")]
    public void A_pledge_with_an_arrival_gives_its_amount_and_date_together(int? arrived, string? arrivedOn, string? reason, string field)
    {
        var request = new PledgeFundingRequest(FundingSource.Township, null, 5_000m, PledgedOn, arrived,
            arrivedOn is null ? null : DateOnly.Parse(arrivedOn), reason);

        var refused = Assert.Throws<RuleViolationException>(() => request.ToLine(VenueId, Today));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_pledge_may_record_what_has_already_arrived()
    {
        var line = new PledgeFundingRequest(FundingSource.Township, null, 5_000m, PledgedOn, 2_000m, new DateOnly(2026, 4, 1)).ToLine(VenueId, Today);

        Assert.Equal((5_000m, 2_000m, new DateOnly(2026, 4, 1), 3_000m), (line.Pledged, line.Arrived, line.ArrivedOn, line.Gap));
    }

    [Fact]
    public void The_gap_sums_each_lines_gap_so_money_beyond_one_pledge_does_not_cover_another()
    {
        var over = FundingLine.Pledge(VenueId, FundingSource.CountyFinance, null, 10_000m, PledgedOn);
        over.RecordArrival(15_000m, new DateOnly(2026, 4, 1), "追加");
        var short1 = FundingLine.Pledge(VenueId, FundingSource.Township, null, 8_000m, PledgedOn);
        short1.RecordArrival(3_000m, new DateOnly(2026, 4, 1), null);
        var short2 = FundingLine.Pledge(VenueId, FundingSource.Township, null, 2_000m, PledgedOn);

        var totals = FundingTotals.Of([over, short1, short2]);

        Assert.Equal((20_000m, 18_000m, 7_000m), (totals.Pledged, totals.Arrived, totals.Gap));
        Assert.Equal(Enum.GetValues<FundingSource>(), totals.BySource.Select(s => s.Source));
        Assert.Equal(new SourceTotals(FundingSource.Township, 10_000m, 3_000m, 7_000m), totals.BySource.Single(s => s.Source == FundingSource.Township));
        Assert.Equal(new SourceTotals(FundingSource.CountyFinance, 10_000m, 15_000m, 0m), totals.BySource.Single(s => s.Source == FundingSource.CountyFinance));
        Assert.Equal(new SourceTotals(FundingSource.Enterprise, 0m, 0m, 0m), totals.BySource.Single(s => s.Source == FundingSource.Enterprise));
    }

    [Fact]
    public void An_accepted_new_build_is_owed_the_configured_subsidy_dated_on_its_acceptance()
    {
        var venue = BuiltVenue(VenueKind.NewBuild, VenueState.Accepted, new DateOnly(2026, 5, 20));

        var subsidy = CitySubsidy.For(venue, Terms(20_000m));

        Assert.NotNull(subsidy);
        Assert.Equal((venue.Id, FundingSource.CitySubsidy, 20_000m, new DateOnly(2026, 5, 20), 0m),
            (subsidy.VenueId, subsidy.Source, subsidy.Pledged, subsidy.PledgedOn, subsidy.Arrived));
    }

    [Fact]
    public void A_new_build_recorded_straight_as_in_use_is_owed_it_from_that_day()
    {
        var venue = BuiltVenue(VenueKind.NewBuild, VenueState.InUse, new DateOnly(2026, 5, 25));

        Assert.Equal(new DateOnly(2026, 5, 25), CitySubsidy.For(venue, Terms(25_000m))?.PledgedOn);
    }

    [Theory]
    [InlineData(VenueKind.NewBuild, VenueState.Completed, 20_000)]
    [InlineData(VenueKind.Renovation, VenueState.Accepted, 20_000)]
    [InlineData(VenueKind.NewBuild, VenueState.Accepted, 0)]
    public void No_subsidy_is_owed_before_acceptance_for_a_renovation_or_when_the_city_pays_none(VenueKind kind, VenueState state, int perNewBuild)
    {
        var venue = BuiltVenue(kind, state, new DateOnly(2026, 5, 20));

        Assert.Null(CitySubsidy.For(venue, Terms(perNewBuild)));
    }

    [Fact]
    public void The_subsidy_due_is_todays_amount_per_accepted_new_build_against_the_city_subsidy_lines()
    {
        var recorded = FundingLine.Pledge(VenueId, FundingSource.CitySubsidy, null, 20_000m, PledgedOn);
        recorded.RecordArrival(20_000m, new DateOnly(2026, 4, 1), null);
        var county = FundingLine.Pledge(VenueId, FundingSource.CountyFinance, null, 90_000m, PledgedOn);

        var figures = CitySubsidyFigures.Of(2, 25_000m, [recorded, county]);

        Assert.Equal(new CitySubsidyFigures(2, 25_000m, 50_000m, 20_000m, 20_000m), figures);
    }

    private static CampaignTerms Terms(decimal perNewBuild) =>
        new(new DateOnly(2026, 12, 31), "Asia/Shanghai", perNewBuild, [new MilestoneTemplate("建设", 30, VenueState.Accepted)]);

    private static Venue BuiltVenue(VenueKind kind, VenueState state, DateOnly on)
    {
        var terms = Terms(20_000m);
        var venue = Venue.Plan(Guid.CreateVersion7(), new VenueDescription(kind, 300m, [], []), new DateOnly(2026, 1, 10), "test", terms, Now);
        venue.Advance(state, on, "test", null, Now, Today);
        return venue;
    }
}
