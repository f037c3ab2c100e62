using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class CitizenIdNumberTests
{
    [Theory]
    [InlineData("610502198503141236", 1985, 3, 14)]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData(" 11010519491231002x ", 1949, 12, 31)]
    public void A_number_with_its_check_character_gives_its_birth_date(string text, int year, int month, int day)
    {
        Assert.True(CitizenIdNumber.TryParse(text, out var number, out _));
        Assert.Equal(text.Trim().ToUpperInvariant(), number.Value);
        Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
    }

    [Theory]
    [InlineData("610502198503141235", "should be 6")]
    [InlineData("110105194912310021", "should be X")]
    [InlineData("61050219850314123", "18 characters, not 17")]
    [InlineData("6105021985031412366", "18 characters, not 19")]
    [InlineData("61050219850314123A", "17 digits followed by a digit or X")]
    [InlineData("6105X2198503141236", "17 digits followed by a digit or X")]
    [InlineData("610503200102290034", "'20010229' is no date")]
    [InlineData(null, "18 characters, not 0")]
    public void Anything_else_is_refused_saying_why(string? text, string reason)
    {
        Assert.False(CitizenIdNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }
}
