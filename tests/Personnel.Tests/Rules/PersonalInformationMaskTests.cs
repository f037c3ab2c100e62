using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class PersonalInformationMaskTests
{
    [Fact]
    public void An_id_number_keeps_its_region_and_last_four() =>
        Assert.Equal("610502********1236", PersonalInformationMask.IdNumber("610502198503141236"));

    [Theory]
    [InlineData("13912345678", "139****5678")]
    [InlineData("+8613912345678", "+86*******5678")]
    [InlineData("0913-21234", "**********")]
    [InlineData(null, null)]
    public void A_phone_keeps_at_most_its_first_three_and_last_four(string? phone, string? masked) =>
        Assert.Equal(masked, PersonalInformationMask.Phone(phone));
}
