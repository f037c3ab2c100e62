using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Ledger;
using PartyPlatform.Venues.Projects;

namespace PartyPlatform.Venues.Tests.Rules;

public sealed class LedgerRowTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CampaignTerms Terms = new(new DateOnly(2026, 12, 31), "Asia/Shanghai", 20_000m,
        [new MilestoneTemplate("开工建设", 30, VenueState.UnderConstruction), new MilestoneTemplate("竣工验收", 30, VenueState.Accepted)]);

    private static readonly LedgerRecord Completed = new(
        "610502001201", "东1村", "NewBuild", "240.5", "PartyActivity; democraticDeliberation", "Clinic;", "Completed",
        "2026-03-01", "2026-03-20", "2026-05-10", null, null, null);

    [Fact]
    public void A_complete_line_becomes_a_row_with_a_day_per_state_reached()
    {
        var (row, problems) = LedgerRow.Parse(4, Completed, Today);

        Assert.Empty(problems);
        Assert.NotNull(row);
        Assert.Equal((4, "610502001201", VenueKind.NewBuild, 240.5m, VenueState.Completed), (row.Number, row.VillageCode, row.Description.Kind, row.Description.FloorArea, row.State));
        Assert.Equal([VenueFunction.PartyActivity, VenueFunction.DemocraticDeliberation], row.Description.Functions);
        Assert.Equal([IntegratedRoom.Clinic], row.Description.Rooms);
        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20), new DateOnly(2026, 5, 10)], row.Dates);
        Assert.Null(row.Note);
    }

    [Theory]
    [InlineData("主体\0完工")]
    [InlineData("\u200B\u200B")]
    public void A_note_a_spreadsheet_cell_spoilt_is_refused(string note)
    {
        var (row, problems) = LedgerRow.Parse(2, Completed with { Note = note }, Today);

        Assert.Null(row);
        Assert.Equal(["note"], problems.Keys);
    }

    [Fact]
    public void Every_problem_of_a_line_is_named_by_its_column()
    {
        var line = new LedgerRecord(
            "6105", null, "Palace", "12.345", "PartyActivity;Karaoke", "Sauna", "Accepted",
            "2026-03-01", "2026/03/20", "2026-02-01", null, "2026-05-30", new string('x', LedgerRow.MaxNoteLength + 1));

        var (row, problems) = LedgerRow.Parse(1, line, Today);

        Assert.Null(row);
        Assert.Equal(
            ["acceptedOn", "completedOn", "floorArea", "functions", "inUseOn", "kind", "note", "rooms", "startedOn", "villageCode"],
            problems.Keys.Order());
        Assert.Contains("'Karaoke'", problems["functions"]);
        Assert.DoesNotContain("PartyActivity'", problems["functions"]);
        Assert.Contains("needed", problems["acceptedOn"]);
        Assert.Contains("empty", problems["inUseOn"]);
        Assert.Contains("before plannedOn", problems["completedOn"]);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.005")]
    public void A_floor_area_is_a_number_with_at_most_two_decimals(string area)
    {
        var (_, problems) = LedgerRow.Parse(1, Completed with { FloorArea = area }, Today);

        // The range (more than 0) is the venue's own rule, checked when the row is applied.
        Assert.Equal(area == "-5", !problems.ContainsKey("floorArea"));
    }

    [Fact]
    public void Days_must_follow_the_states_and_not_be_in_the_future()
    {
        var (_, outOfOrder) = LedgerRow.Parse(1, Completed with { StartedOn = "2026-02-01" }, Today);
        var (_, future) = LedgerRow.Parse(1, Completed with { CompletedOn = "2026-06-02" }, Today);
        var (sameDay, none) = LedgerRow.Parse(1, Completed with { StartedOn = "2026-03-01", CompletedOn = "2026-06-01" }, Today);

        Assert.Equal(["startedOn"], outOfOrder.Keys);
        Assert.Equal(["completedOn"], future.Keys);
        Assert.Contains("future", future["completedOn"]);
        Assert.Empty(none);
        Assert.Equal(new DateOnly(2026, 6, 1), sameDay!.DateOf(VenueState.Completed));
    }

    [Fact]
    public void A_state_or_kind_is_matched_by_name_only()
    {
        var (_, problems) = LedgerRow.Parse(1, Completed with { State = "2", Kind = "0" }, Today);

        Assert.Contains("state", problems.Keys);
        Assert.Contains("kind", problems.Keys);
    }

    [Fact]
    public void A_line_matching_the_venue_contradicts_nothing_and_describes_it()
    {
        var venue = PlannedVenue();
        venue.Advance(VenueState.Completed, new DateOnly(2026, 5, 10), "test", null, Now, Today);
        // Construction start was skipped: the ledger may give any day between its neighbours.
        var (row, _) = LedgerRow.Parse(1, Completed with { Functions = "DemocraticDeliberation;PartyActivity;PartyActivity" }, Today);

        Assert.Empty(row!.Contradictions(venue));
        Assert.True(row.Describes(venue));
        Assert.Equal(new DateOnly(2026, 5, 10), LedgerRow.ReachedOn(venue, VenueState.UnderConstruction));
        Assert.Null(LedgerRow.ReachedOn(venue, VenueState.Accepted));
    }

    [Fact]
    public void A_line_behind_the_venue_or_with_another_recorded_day_contradicts_it()
    {
        var venue = PlannedVenue();
        venue.Advance(VenueState.Completed, new DateOnly(2026, 5, 10), "test", null, Now, Today);
        var (behind, _) = LedgerRow.Parse(1, Completed with { State = "UnderConstruction", CompletedOn = null }, Today);
        var (otherDay, _) = LedgerRow.Parse(1, Completed with { CompletedOn = "2026-05-11" }, Today);

        Assert.Equal(["state"], behind!.Contradictions(venue).Keys);
        Assert.Equal(["completedOn"], otherDay!.Contradictions(venue).Keys);
        Assert.False(otherDay.Describes(PlannedVenue(area: 240m)));
    }

    [Fact]
    public void An_exported_line_parses_back_to_what_the_venue_is()
    {
        var venue = PlannedVenue();
        venue.Advance(VenueState.Completed, new DateOnly(2026, 5, 10), "test", "主体完工", Now, Today);
        var village = Village();

        var line = LedgerRecord.From(venue, village);
        var (row, problems) = LedgerRow.Parse(1, line, Today);

        Assert.Empty(problems);
        Assert.Equal(("240.5", "2026-05-10", "主体完工"), (line.FloorArea, line.StartedOn, line.Note));
        Assert.Empty(row!.Contradictions(venue));
        Assert.True(row.Describes(venue));
    }

    private static Venue PlannedVenue(decimal area = 240.5m) => Venue.Plan(
        Guid.NewGuid(), new VenueDescription(VenueKind.NewBuild, area, [VenueFunction.PartyActivity, VenueFunction.DemocraticDeliberation], [IntegratedRoom.Clinic]),
        new DateOnly(2026, 3, 1), "test", Terms, Now);

    private static UnitReplica Village() => UnitReplica.From(new AdministrativeUnitChanged(
        Guid.NewGuid(), 1, UnitChange.Created, "东1村", UnitKind.Village, UnitLevel.Village, "610502001201", Guid.NewGuid(), false, null, DateTimeOffset.UnixEpoch));
}
