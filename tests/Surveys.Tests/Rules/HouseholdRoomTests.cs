using PartyPlatform.Surveys.Ingests;

namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class HouseholdRoomTests
{
    private static readonly Guid Full = Guid.CreateVersion7();
    private static readonly Guid Unknown = Guid.CreateVersion7();

    private static StagedVisit Visit(long line, Guid organization, string household, int day = 2) =>
        new(line, "", organization, household, null, null, new DateOnly(2026, 6, day), "李干部", null);

    [Fact]
    public void New_households_past_the_room_are_refused_in_the_order_of_their_first_line()
    {
        // 5 households, 3 visited before: room for 2 new ones.
        var holdings = new Dictionary<Guid, OrganizationHolding> { [Full] = new(5, 3) };
        StagedVisit[] visits =
        [
            Visit(1, Full, "H-new-1"), Visit(2, Full, "H-old"), Visit(3, Full, "H-new-1", day: 3), Visit(4, Full, "H-new-2"),
            Visit(5, Full, "H-new-3"), Visit(6, Full, "H-new-4"),
        ];

        var refused = HouseholdRoom.OverFull(visits, holdings, new HashSet<(Guid, string)> { (Full, "H-old") });

        // H-old was visited before and H-new-1 counts once on two days: H-new-1 and H-new-2 fill the room.
        Assert.Equal([(Full, "H-new-3"), (Full, "H-new-4")], refused.Order());
    }

    [Fact]
    public void An_organisation_whose_households_are_unknown_refuses_none()
    {
        var holdings = new Dictionary<Guid, OrganizationHolding> { [Unknown] = new(null, 40) };

        Assert.Empty(HouseholdRoom.OverFull([Visit(1, Unknown, "H-1"), Visit(2, Unknown, "H-2")], holdings, new HashSet<(Guid, string)>()));
        Assert.Empty(HouseholdRoom.MayOverflow([Visit(1, Unknown, "H-1")], holdings));
    }

    [Fact]
    public void Only_an_organisation_with_more_distinct_households_in_the_batch_than_its_room_may_overflow()
    {
        var roomy = Guid.CreateVersion7();
        var holdings = new Dictionary<Guid, OrganizationHolding> { [Full] = new(3, 2), [roomy] = new(3, 1) };
        StagedVisit[] visits = [Visit(1, Full, "H-1"), Visit(2, Full, "H-2"), Visit(3, roomy, "H-1"), Visit(4, roomy, "H-2"), Visit(5, roomy, "H-2", day: 3)];

        Assert.Equal([Full], HouseholdRoom.MayOverflow(visits, holdings));
    }
}
