using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Projects;
using PartyPlatform.Venues.Standards;

namespace PartyPlatform.Venues.Tests.Rules;

public sealed class InspectionScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly ChecklistVersion Checklist = Publish(1, DateOnly.MinValue, ("A", 1m), ("B", 2m), ("C", 3m));

    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "A" }, 16.67)]
    [InlineData(new[] { "B", "C" }, 83.33)]
    [InlineData(new[] { "A", "B", "C" }, 100)]
    [InlineData(new[] { "C", "C", "A" }, 66.67)]
    public void The_score_is_the_weight_met_over_the_total_weight_in_percent_to_two_decimals(string[] met, double score)
    {
        var inspection = Inspection.Of(Guid.NewGuid(), Checklist, new DateOnly(2026, 6, 1), "检查组", met, null, Now);

        Assert.Equal((decimal)score, inspection.Score);
        Assert.Equal(met.Distinct(), inspection.MetItems);
        Assert.Equal(1, inspection.ChecklistVersion);
    }

    [Fact]
    public void An_item_the_version_lacks_is_named_by_its_index()
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            Inspection.Of(Guid.NewGuid(), Checklist, new DateOnly(2026, 6, 1), "检查组", ["A", "a", "B"], null, Now));

        Assert.Equal("metItems[1]", refused.Field);
    }

    [Theory]
    [InlineData("2026-06-30", 1)]
    [InlineData("2026-07-01", 3)]
    [InlineData("2026-08-31", 3)]
    [InlineData("2026-09-01", 4)]
    public void The_version_in_force_on_a_day_is_the_latest_started_and_a_tie_goes_to_the_higher_number(string day, int number)
    {
        ChecklistVersion[] versions =
        [
            Checklist,
            Publish(4, new DateOnly(2026, 9, 1), ("A", 1m)),
            Publish(2, new DateOnly(2026, 7, 1), ("A", 1m)),
            Publish(3, new DateOnly(2026, 7, 1), ("A", 1m)),
        ];

        Assert.Equal(number, ChecklistSchedule.InForceOn(versions, DateOnly.Parse(day))!.Number);
    }

    [Fact]
    public void A_new_version_cannot_start_before_the_latest_version_starts()
    {
        ChecklistVersion[] versions = [Checklist, Publish(2, new DateOnly(2026, 7, 1), ("A", 1m))];

        ChecklistSchedule.CheckEffectiveFrom(versions, new DateOnly(2026, 7, 1));
        var refused = Assert.Throws<RuleViolationException>(() => ChecklistSchedule.CheckEffectiveFrom(versions, new DateOnly(2026, 6, 30)));

        Assert.Equal("effectiveFrom", refused.Field);
    }

    [Theory]
    [InlineData("A", 0, "items[1].weight")]
    [InlineData("A", -1, "items[1].weight")]
    [InlineData("B", 2, "items")]
    public void A_version_refuses_a_weight_that_is_not_positive_and_a_repeated_code(string repeated, double weight, string field)
    {
        var refused = Assert.Throws<RuleViolationException>(() =>
            Publish(2, new DateOnly(2026, 7, 1), ("B", 1m), (repeated == "B" ? "B" : "C", (decimal)weight)));

        Assert.Equal(field, refused.Field);
    }

    [Theory]
    [InlineData(VenueState.Planned, "2026-05-30", "venueId")]
    [InlineData(VenueState.UnderConstruction, "2026-05-30", "venueId")]
    [InlineData(VenueState.Completed, "2026-05-19", "inspectedOn")]
    [InlineData(VenueState.Completed, "2026-06-02", "inspectedOn")]
    [InlineData(VenueState.Completed, "2026-05-20", null)]
    [InlineData(VenueState.InUse, "2026-06-01", null)]
    public void Only_a_built_venue_is_inspected_between_its_completion_and_today(VenueState state, string day, string? field)
    {
        var venue = VenueIn(state);

        var refused = Record.Exception(() => InspectionRules.CheckCanInspect(venue, DateOnly.Parse(day), new DateOnly(2026, 6, 1)));

        Assert.Equal(field, (refused as RuleViolationException)?.Field);
    }

    [Theory]
    [InlineData("2026-06-01", null, true)]
    [InlineData("2026-06-01", "2026-05-31", true)]
    [InlineData("2026-06-01", "2026-06-01", true)]
    [InlineData("2026-05-30", "2026-06-01", false)]
    public void The_venue_keeps_the_score_of_its_latest_inspection_by_day(string inspectedOn, string? latest, bool updates) =>
        Assert.Equal(updates, InspectionRules.UpdatesVenue(DateOnly.Parse(inspectedOn), latest is null ? null : DateOnly.Parse(latest)));

    private static ChecklistVersion Publish(int number, DateOnly effectiveFrom, params (string Code, decimal Weight)[] items) =>
        ChecklistVersion.Publish(number, "测试", effectiveFrom,
            [.. items.Select(i => new ChecklistItem(i.Code, "六室", $"项目{i.Code}", i.Weight))], "test", Now);

    private static Venue VenueIn(VenueState state)
    {
        var terms = new CampaignTerms(new DateOnly(2026, 12, 31), "Asia/Shanghai", 20_000m, [new MilestoneTemplate("建设", 30, VenueState.Completed)]);
        var venue = Venue.Plan(Guid.NewGuid(), new VenueDescription(VenueKind.NewBuild, 300m, [], []), new DateOnly(2026, 1, 10), "test", terms, Now);
        if (state > VenueState.Planned)
        {
            venue.Advance(state, new DateOnly(2026, 5, 20), "test", null, Now, new DateOnly(2026, 6, 1));
        }

        return venue;
    }
}
