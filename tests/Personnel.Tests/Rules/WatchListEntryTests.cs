using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.WatchList;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class WatchListEntryTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void A_hand_flag_is_open_from_today_and_comes_from_no_fact()
    {
        var entry = WatchListEntry.FlagByHand(Guid.CreateVersion7(), WatchListKind.Unstable, "信访多发", Today);

        Assert.Equal((WatchListSource.Hand, (Guid?)null, Today, true, 1L), (entry.Source, entry.FactId, entry.FlaggedOn, entry.IsOpen, entry.Version));
    }

    [Fact]
    public void Clearing_keeps_the_entry_as_a_new_version_and_happens_once()
    {
        var entry = WatchListEntry.FlagByHand(Guid.CreateVersion7(), WatchListKind.Backward, "班子软弱", Today);

        entry.Clear("已整顿", Today.AddDays(30));

        Assert.Equal((false, (DateOnly?)Today.AddDays(30), "已整顿", "班子软弱", 2L), (entry.IsOpen, entry.ClearedOn, entry.ClearReason, entry.Reason, entry.Version));
        Assert.Throws<ConflictException>(() => entry.Clear("再次", Today.AddDays(31)));
        Assert.Equal((Today.AddDays(30), 2L), (entry.ClearedOn!.Value, entry.Version));
    }

    [Fact]
    public void An_entry_from_a_fact_keeps_its_source_and_fact_and_a_hand_source_has_no_fact()
    {
        var fact = Guid.CreateVersion7();

        var entry = WatchListEntry.FlagFromFact(Guid.CreateVersion7(), WatchListKind.Backward, WatchListSource.Surveys, fact, "调研评为后进", Today);

        Assert.Equal((WatchListSource.Surveys, (Guid?)fact), (entry.Source, entry.FactId));
        Assert.Throws<ArgumentException>(() => WatchListEntry.FlagFromFact(Guid.CreateVersion7(), WatchListKind.Backward, WatchListSource.Hand, fact, "手工", Today));
    }

    [Fact]
    public void The_event_carries_the_state_and_version_but_not_the_reason()
    {
        var entry = WatchListEntry.FlagByHand(Guid.CreateVersion7(), WatchListKind.Complex, "宗族矛盾", Today);
        entry.Clear("矛盾化解", Today.AddDays(3));

        var changed = entry.ToEvent(DateTimeOffset.UnixEpoch);

        Assert.Equal(new WatchListEntryChanged(entry.Id, 2, entry.UnitId, WatchListKind.Complex, WatchListSource.Hand, Today, Today.AddDays(3), DateTimeOffset.UnixEpoch), changed);
    }
}
