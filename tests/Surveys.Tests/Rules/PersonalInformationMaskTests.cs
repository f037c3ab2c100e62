namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class PersonalInformationMaskTests
{
    [Theory]
    [InlineData("LW-2026-0421", "********0421")]
    [InlineData("0421", "****")]
    [InlineData("7", "*")]
    public void A_household_key_shows_its_last_four_characters_only(string key, string masked) =>
        Assert.Equal(masked, PersonalInformationMask.Key(key));

    [Theory]
    [InlineData("王建国", "王**")]
    [InlineData("欧阳", "欧*")]
    [InlineData(null, null)]
    public void A_household_name_shows_its_first_character_only(string? name, string? masked) =>
        Assert.Equal(masked, PersonalInformationMask.Name(name));
}
