using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Organizations.Units;

namespace PartyPlatform.Organizations.Tests;

public sealed class TreeRulesTests
{
    private static readonly DateTimeOffset Now = new(2013, 6, 1, 8, 0, 0, TimeSpan.FromHours(8));

    private static AdministrativeUnit City() => AdministrativeUnit.Create("渭南市", UnitKind.City, "610500000000", null, Now);

    [Theory]
    [InlineData(UnitKind.District, UnitLevel.County)]
    [InlineData(UnitKind.HighTechZone, UnitLevel.County)]
    [InlineData(UnitKind.EconomicZone, UnitLevel.County)]
    [InlineData(UnitKind.Street, UnitLevel.Township)]
    [InlineData(UnitKind.Community, UnitLevel.Village)]
    public void Each_kind_stands_at_its_level(UnitKind kind, UnitLevel level) =>
        Assert.Equal(level, UnitKinds.LevelOf(kind));

    [Fact]
    public void A_unit_goes_only_directly_under_the_level_above()
    {
        var city = City();

        var error = Assert.Throws<RuleViolationException>(() =>
            AdministrativeUnit.Create("某村", UnitKind.Village, null, city, Now));

        Assert.Equal("parentId", error.Field);
    }

    [Fact]
    public void Only_a_city_stands_without_a_parent()
    {
        var error = Assert.Throws<RuleViolationException>(() => AdministrativeUnit.Create("临渭区", UnitKind.District, null, null, Now));
        Assert.Equal("parentId", error.Field);
    }

    [Theory]
    [InlineData("61050200000")]
    [InlineData("6105020000000")]
    [InlineData("61050200000A")]
    public void A_division_code_is_twelve_digits(string code)
    {
        var error = Assert.Throws<RuleViolationException>(() => AdministrativeUnit.Create("临渭区", UnitKind.District, code, City(), Now));
        Assert.Equal("code", error.Field);
    }

    [Fact]
    public void A_code_must_nest_under_its_parents_code()
    {
        var county = AdministrativeUnit.Create("临渭区", UnitKind.District, "610502000000", City(), Now);

        var error = Assert.Throws<RuleViolationException>(() =>
            AdministrativeUnit.Create("某镇", UnitKind.Township, "610503001000", county, Now));

        Assert.Equal("code", error.Field);
        Assert.NotNull(AdministrativeUnit.Create("某镇", UnitKind.Township, "610502001000", county, Now));
    }

    [Fact]
    public void Townships_of_a_functional_zone_keep_the_codes_they_had()
    {
        var zone = AdministrativeUnit.Create("高新区", UnitKind.HighTechZone, "610571000000", City(), Now);

        var township = AdministrativeUnit.Create("某镇", UnitKind.Township, "610502009000", zone, Now);

        Assert.Equal(zone.Id, township.ParentId);
    }

    [Fact]
    public void The_path_lists_every_ancestor()
    {
        var city = City();
        var county = AdministrativeUnit.Create("临渭区", UnitKind.District, null, city, Now);
        var township = AdministrativeUnit.Create("某镇", UnitKind.Township, null, county, Now);

        Assert.Equal($"/{city.Id}/{county.Id}/{township.Id}/", township.Path);
    }

    [Fact]
    public void A_merged_village_is_retired_points_at_its_successor_and_keeps_its_history()
    {
        var (township, village, neighbour) = TwoVillages();

        village.MergeInto(neighbour, Now.AddDays(1));

        Assert.True(village.Retired);
        Assert.Equal(neighbour.Id, village.SuccessorId);
        Assert.Equal(2, village.Version);
        Assert.Collection(village.History,
            created => Assert.Equal((UnitChange.Created, false), (created.Change, created.Retired)),
            retired => Assert.Equal((UnitChange.Retired, true, neighbour.Id), (retired.Change, retired.Retired, retired.SuccessorId)));
        Assert.Equal(township.Id, village.ParentId);
    }

    [Fact]
    public void A_retired_unit_cannot_change_again()
    {
        var (_, village, neighbour) = TwoVillages();
        village.MergeInto(neighbour, Now);

        Assert.Throws<RuleViolationException>(() => village.Rename("新名", Now));
        Assert.Throws<RuleViolationException>(() => village.MergeInto(neighbour, Now));
    }

    [Fact]
    public void Merging_needs_an_active_successor_of_the_same_level()
    {
        var (township, village, neighbour) = TwoVillages();

        Assert.Equal("successorId", Assert.Throws<RuleViolationException>(() => village.MergeInto(township, Now)).Field);
        Assert.Equal("successorId", Assert.Throws<RuleViolationException>(() => village.MergeInto(village, Now)).Field);

        neighbour.MergeInto(village, Now);
        Assert.Equal("successorId", Assert.Throws<RuleViolationException>(() => village.MergeInto(neighbour, Now)).Field);
    }

    [Fact]
    public void A_moved_unit_hangs_under_a_parent_of_the_right_level()
    {
        var city = City();
        var county = AdministrativeUnit.Create("临渭区", UnitKind.District, null, city, Now);
        var township = AdministrativeUnit.Create("某镇", UnitKind.Township, null, county, Now);
        var village = AdministrativeUnit.Create("某村", UnitKind.Village, null, township, Now);
        var otherTownship = AdministrativeUnit.Create("另镇", UnitKind.Township, null, county, Now);

        village.MoveTo(otherTownship, Now);

        Assert.Equal(otherTownship.Id, village.ParentId);
        Assert.Equal($"{otherTownship.Path}{village.Id}/", village.Path);
        Assert.Equal(2, village.Version);
        Assert.Throws<RuleViolationException>(() => otherTownship.MoveTo(township, Now));
    }

    [Fact]
    public void Renaming_to_the_same_name_is_no_change()
    {
        var city = City();

        Assert.False(city.Rename(" 渭南市 ", Now));
        Assert.True(city.Rename("渭南", Now));
        Assert.Equal(2, city.Version);
    }

    [Fact]
    public void Events_carry_the_version_after_the_change()
    {
        var city = City();
        city.Rename("渭南", Now);

        var change = city.ToEvent(UnitChange.Renamed);

        Assert.Equal((city.Id, 2L, "渭南"), (change.UnitId, change.Version, change.Name));
    }

    private static (AdministrativeUnit Township, AdministrativeUnit Village, AdministrativeUnit Neighbour) TwoVillages()
    {
        var county = AdministrativeUnit.Create("临渭区", UnitKind.District, null, City(), Now);
        var township = AdministrativeUnit.Create("某镇", UnitKind.Township, null, county, Now);
        return (township,
            AdministrativeUnit.Create("东村", UnitKind.Village, null, township, Now),
            AdministrativeUnit.Create("西村", UnitKind.Village, null, township, Now));
    }
}
