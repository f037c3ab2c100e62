using Microsoft.Extensions.Time.Testing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Deadline;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Rules;

public sealed class ScheduleRulesTests
{
    private static readonly CampaignTerms Terms = new(new DateOnly(2026, 12, 31), "Asia/Shanghai", 20_000m,
    [
        new("选址", 30),
        new("开工", 15, VenueState.UnderConstruction),
        new("完工", 75, VenueState.Completed),
        new("验收", 15, VenueState.Accepted),
    ]);

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));

    private static readonly VenueDescription NewBuild = new(VenueKind.NewBuild, 300m, [VenueFunction.PartyActivity], [IntegratedRoom.Clinic]);

    [Fact]
    public void Milestones_are_scheduled_backwards_so_the_last_ends_on_the_deadline()
    {
        var milestones = ProjectSchedule.Backwards(Terms);

        Assert.Equal(
            [(1, new DateOnly(2026, 8, 18), new DateOnly(2026, 9, 17)), (2, new DateOnly(2026, 9, 17), new DateOnly(2026, 10, 2)),
             (3, new DateOnly(2026, 10, 2), new DateOnly(2026, 12, 16)), (4, new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 31))],
            milestones.Select(m => (m.Order, m.PlannedStart, m.PlannedDue)));
    }

    [Fact]
    public void A_project_falls_behind_the_day_after_a_milestone_was_due_and_catches_up_when_its_state_completes_it()
    {
        var time = new FakeTimeProvider(Clock.GetUtcNow());
        var venue = Venue.Plan(Guid.NewGuid(), NewBuild, new DateOnly(2026, 6, 1), "县", Terms, time.GetUtcNow());
        venue.CompleteMilestone(1, new DateOnly(2026, 6, 1), Terms.Today(time));

        time.SetUtcNow(new DateTimeOffset(2026, 10, 2, 12, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        Assert.False(IsBehindSchedule(venue, Terms.Today(time)));
        time.Advance(TimeSpan.FromDays(1));
        Assert.True(IsBehindSchedule(venue, Terms.Today(time)));
        Assert.Equal([2], venue.LateMilestones(Terms.Today(time)).Select(m => m.Order));

        venue.Advance(VenueState.UnderConstruction, Terms.Today(time), "镇", null, time.GetUtcNow(), Terms.Today(time));
        Assert.False(IsBehindSchedule(venue, Terms.Today(time)));
    }

    /// <summary>The rule, checked to agree with its query form (which lists filter by in SQL).</summary>
    private static bool IsBehindSchedule(Venue venue, DateOnly today)
    {
        var behind = venue.IsBehindSchedule(today);
        Assert.Equal(behind, Venue.BehindScheduleOn(today).Compile()(venue));
        return behind;
    }

    [Fact]
    public void A_venue_moves_only_forward_and_never_back_in_time_or_into_the_future()
    {
        var now = Clock.GetUtcNow();
        var today = Terms.DayOf(now);
        var venue = Venue.Plan(Guid.NewGuid(), NewBuild, today.AddDays(-10), "县", Terms, now);
        venue.Advance(VenueState.UnderConstruction, today.AddDays(-5), "镇", null, now, today);

        Assert.Equal("state", Assert.Throws<RuleViolationException>(() => venue.Advance(VenueState.Planned, today, "镇", null, now, today)).Field);
        Assert.Equal("on", Assert.Throws<RuleViolationException>(() => venue.Advance(VenueState.Completed, today.AddDays(-6), "镇", null, now, today)).Field);
        Assert.Equal("on", Assert.Throws<RuleViolationException>(() => venue.Advance(VenueState.Completed, today.AddDays(1), "镇", null, now, today)).Field);
        Assert.Equal("floorArea", Assert.Throws<RuleViolationException>(() => venue.Describe(NewBuild with { FloorArea = -1 })).Field);
        Assert.Equal((VenueState.UnderConstruction, 2), (venue.State, venue.History.Count));
    }

    [Fact]
    public void The_deadline_passes_at_midnight_in_the_city_and_names_every_short_county_and_township()
    {
        Assert.False(DeadlineRule.HasPassed(Terms, new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(8))));
        Assert.True(DeadlineRule.HasPassed(Terms, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));

        var shortfalls = DeadlineRule.Shortfalls(Terms,
        [
            new(Guid.NewGuid(), "临渭区", "610502000000", UnitLevel.County, 10, 9),
            new(Guid.NewGuid(), "东镇", "610502001000", UnitLevel.Township, 4, 3),
            new(Guid.NewGuid(), "西镇", "610502002000", UnitLevel.Township, 6, 6),
            new(Guid.NewGuid(), "渭南市", "610500000000", UnitLevel.City, 10, 9),
        ]);

        Assert.Equal(["临渭区", "东镇"], shortfalls.Select(s => s.UnitName));
        Assert.Equal("截至2026年12月31日，东镇村级组织活动场所未实现全覆盖：4个村中尚有1个村无活动场所（覆盖率75.0%）。", shortfalls[1].Reason);
    }

    [Fact]
    public void Coverage_is_a_percentage_to_one_decimal_and_a_unit_without_villages_is_covered()
    {
        CoverageFigures[] figures =
        [
            new(Guid.NewGuid(), "东镇", null, UnitLevel.Township, 3, 2),
            new(Guid.NewGuid(), "西镇", null, UnitLevel.Township, 6, 6),
            new(Guid.NewGuid(), "新区", null, UnitLevel.Township, 0, 0),
        ];

        Assert.Equal([(1, 66.7m, false), (0, 100m, true), (0, 100m, true)],
            figures.Select(f => (f.VillagesWithoutVenue, f.CoveragePercent, f.IsFull)));
    }
}
