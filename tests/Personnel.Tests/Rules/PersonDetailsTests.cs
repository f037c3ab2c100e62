using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class PersonDetailsTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    [Fact]
    public void A_person_whose_fields_agree_is_registered_with_them()
    {
        var person = Person.Register(Guid.CreateVersion7(), Details(), Today);

        Assert.Equal(("610502198503141236", new DateOnly(1985, 3, 14), 1L), (person.IdNumber, person.BirthDate, person.Version));
    }

    [Theory]
    [InlineData("2026-06-02", null, "birthDate")]
    [InlineData("1985-03-15", null, "idNumber")]
    [InlineData("1985-03-14", "2003-03-13", "joinedPartyOn")]
    [InlineData("1985-03-14", "2026-06-02", "joinedPartyOn")]
    public void A_rule_broken_names_its_field(string birthDate, string? joinedPartyOn, string field)
    {
        var details = Details() with
        {
            BirthDate = DateOnly.Parse(birthDate),
            JoinedPartyOn = joinedPartyOn is null ? null : DateOnly.Parse(joinedPartyOn),
        };

        Assert.Equal(field, Assert.Throws<RuleViolationException>(() => details.Check(Today)).Field);
    }

    private static PersonDetails Details()
    {
        Assert.True(CitizenIdNumber.TryParse("610502198503141236", out var number, out _));
        return new PersonDetails("张建国", Gender.Male, new DateOnly(1985, 3, 14), "汉族", Education.SeniorSecondary, new DateOnly(2010, 7, 1),
            PersonSource.WealthLeader, number, "13912345678");
    }
}
