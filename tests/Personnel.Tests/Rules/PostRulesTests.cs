using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Personnel.Posts;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class PostRulesTests
{
    [Theory]
    [InlineData(UnitLevel.Township)]
    [InlineData(UnitLevel.County)]
    public void A_first_secretary_is_sent_from_a_township_or_county(UnitLevel home) =>
        PostRules.CheckHolder(PostKind.FirstSecretary, home);

    [Theory]
    [InlineData(UnitLevel.Village)]
    [InlineData(UnitLevel.City)]
    public void A_first_secretary_from_elsewhere_is_refused_naming_personId(UnitLevel home) =>
        Assert.Equal("personId", Assert.Throws<RuleViolationException>(() => PostRules.CheckHolder(PostKind.FirstSecretary, home)).Field);

    [Fact]
    public void A_village_secretary_may_be_one_of_the_villages_own_people() =>
        PostRules.CheckHolder(PostKind.VillageSecretary, UnitLevel.Village);
}
