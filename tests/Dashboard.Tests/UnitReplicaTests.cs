using PartyPlatform.Contracts.Organizations;
using PartyPlatform.AdministrativeTree;

namespace PartyPlatform.Dashboard.Tests;

public sealed class UnitReplicaTests
{
    private static readonly Guid Id = Guid.CreateVersion7();

    private static AdministrativeUnitChanged Change(long version, string name, bool retired = false) =>
        new(Id, version, UnitChange.Renamed, name, UnitKind.Village, UnitLevel.Village, null, Guid.Empty, retired, null,
            DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_newer_version_replaces_the_copy()
    {
        var unit = UnitReplica.From(Change(1, "东村"));

        Assert.True(unit.Apply(Change(3, "西村", retired: true)));

        Assert.Equal(("西村", true, 3L), (unit.Name, unit.Retired, unit.Version));
    }

    [Fact]
    public void A_stale_or_repeated_version_is_ignored()
    {
        var unit = UnitReplica.From(Change(2, "东村"));

        Assert.False(unit.Apply(Change(1, "旧名")));
        Assert.False(unit.Apply(Change(2, "同版本")));

        Assert.Equal(("东村", 2L), (unit.Name, unit.Version));
    }
}
