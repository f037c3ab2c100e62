using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Tests;

public sealed class VenueRecordTests
{
    private static readonly Guid Id = Guid.CreateVersion7();

    private static VenueChanged Change(long version, VenueState state, decimal floorArea) =>
        new(Id, version, Guid.CreateVersion7(), VenueKind.NewBuild, state, new DateOnly(2026, 6, 1), floorArea, null, null,
            new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void A_newer_version_replaces_the_copy_and_keeps_the_instant_in_utc()
    {
        var venue = VenueRecord.From(Change(1, VenueState.Planned, 300m));

        Assert.True(venue.Apply(Change(3, VenueState.Completed, 320m)));

        Assert.Equal((VenueState.Completed, 320m, 3L, TimeSpan.Zero), (venue.State, venue.FloorArea, venue.Version, venue.OccurredAt.Offset));
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero), venue.OccurredAt);
    }

    [Fact]
    public void A_stale_or_repeated_version_is_ignored()
    {
        var venue = VenueRecord.From(Change(2, VenueState.UnderConstruction, 300m));

        Assert.False(venue.Apply(Change(1, VenueState.Planned, 100m)));
        Assert.False(venue.Apply(Change(2, VenueState.InUse, 200m)));

        Assert.Equal((VenueState.UnderConstruction, 300m, 2L), (venue.State, venue.FloorArea, venue.Version));
    }
}
