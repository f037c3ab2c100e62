using PartyPlatform.Identity.Accounts;

namespace PartyPlatform.Identity.Tests;

public sealed class AccountBindingTests
{
    [Theory]
    [InlineData("610500000000", UnitLevel.City)]
    [InlineData("610502000000", UnitLevel.County)]
    [InlineData("610502001000", UnitLevel.Township)]
    [InlineData("610502001201", UnitLevel.Village)]
    public void The_code_tells_the_level(string code, UnitLevel level) => Assert.Equal(level, UnitCodes.LevelOf(code));

    [Theory]
    [InlineData("610000000000")]
    [InlineData("61050200000")]
    [InlineData("61050200000x")]
    public void Provinces_and_malformed_codes_have_no_level(string code) => Assert.Null(UnitCodes.LevelOf(code));

    [Theory]
    [InlineData("610500000000", PlatformRole.CityAdministrator)]
    [InlineData("610500000000", PlatformRole.CityViewer)]
    [InlineData("610502000000", PlatformRole.CountyOperator)]
    [InlineData("610502001000", PlatformRole.TownshipOperator)]
    [InlineData("610502001000", PlatformRole.Viewer)]
    [InlineData("610500000000", PlatformRole.Viewer)]
    [InlineData("610500000000", PlatformRole.PersonnelOfficer)]
    [InlineData("610502000000", PlatformRole.PersonnelOfficer)]
    [InlineData("610502001000", PlatformRole.PersonnelOfficer)]
    public void A_role_fits_a_unit_of_its_level(string code, PlatformRole role) =>
        Assert.Equal([role], AccountBinding.Check(code, [role]));

    [Theory]
    [InlineData("610502000000", PlatformRole.CityOperator)]
    [InlineData("610500000000", PlatformRole.CountyOperator)]
    [InlineData("610502000000", PlatformRole.TownshipOperator)]
    public void A_role_of_another_level_is_refused_naming_roles(string code, PlatformRole role)
    {
        var error = Assert.Throws<RuleViolationException>(() => AccountBinding.Check(code, [role]));
        Assert.Equal("roles", error.Field);
    }

    [Fact]
    public void Roles_are_required_deduplicated_and_sorted()
    {
        Assert.Equal("roles", Assert.Throws<RuleViolationException>(() => AccountBinding.Check("610500000000", [])).Field);
        Assert.Equal("unitCode", Assert.Throws<RuleViolationException>(() => AccountBinding.Check("610000000000", [PlatformRole.Viewer])).Field);
        Assert.Equal([PlatformRole.CityOperator, PlatformRole.Viewer],
            AccountBinding.Check("610500000000", [PlatformRole.Viewer, PlatformRole.CityOperator, PlatformRole.Viewer]));
    }
}
