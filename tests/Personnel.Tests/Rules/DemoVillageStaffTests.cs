using PartyPlatform.Personnel.DemoData;
using PartyPlatform.Personnel.People;

namespace PartyPlatform.Personnel.Tests.Rules;

public sealed class DemoVillageStaffTests
{
    /// <summary>Every village and community code of a city shaped like the demo city (13 counties, 18 townships of 28 villages and 2 communities).</summary>
    private static readonly string[] CityCodes =
    [
        .. from county in new[] { "610502", "610503", "610522", "610523", "610524", "610525", "610526", "610527", "610528", "610581", "610582", "610571", "610572" }
           from township in Enumerable.Range(1, 18)
           from village in Enumerable.Range(201, 28).Concat(Enumerable.Range(29, 2))
           select $"{county}{township:D3}{village:D3}",
    ];

    private static IEnumerable<PersonDetails> Everyone(DemoVillageStaff staff) =>
        [staff.Secretary, .. staff.Director is { } director ? [director] : Array.Empty<PersonDetails>(), .. staff.ReserveTalent];

    [Fact]
    public void A_village_gets_the_same_people_on_every_run()
    {
        var first = DemoVillageStaff.For("610502003215", 2);
        var again = DemoVillageStaff.For("610502003215", 2);

        Assert.Equal(Everyone(first), Everyone(again));
        Assert.NotEqual(Everyone(first).Select(p => p.Name), Everyone(DemoVillageStaff.For("610503003215", 2)).Select(p => p.Name));
    }

    [Fact]
    public void Every_person_is_marked_made_up_with_a_valid_id_number_of_the_county_and_a_plausible_birth_date()
    {
        var people = CityCodes.SelectMany(code => Everyone(DemoVillageStaff.For(code, 2)).Select(person => (code, person))).ToList();

        Assert.All(people, p =>
        {
            Assert.EndsWith("（示例）", p.person.Name);
            Assert.True(CitizenIdNumber.TryParse(p.person.IdNumber.Value, out var parsed, out var error), error);
            Assert.Equal(p.code[..6], parsed.Value[..6]);
            Assert.Equal(p.person.BirthDate, parsed.BirthDate);
            Assert.Equal(p.person.Gender == Gender.Male, (parsed.Value[16] - '0') % 2 == 1);
            Assert.InRange(p.person.BirthDate, new DateOnly(1960, 1, 1), new DateOnly(2001, 12, 31));
            p.person.Check(new DateOnly(2026, 1, 1));
        });
        Assert.Equal(people.Count, people.Select(p => p.person.IdNumber).Distinct().Count());
    }

    [Fact]
    public void Every_village_has_at_least_the_reserve_target_and_about_half_have_one_person_in_both_posts()
    {
        var staffs = CityCodes.Select(code => DemoVillageStaff.For(code, 3)).ToList();

        Assert.All(staffs, s => Assert.InRange(s.ReserveTalent.Count, 3, 4));
        Assert.InRange(staffs.Count(s => s.Director is null) / (double)staffs.Count, 0.45, 0.65);
    }

    [Fact]
    public void The_demo_city_has_wealth_leaders_most_of_them_Party_members_and_some_not()
    {
        var leaders = CityCodes.SelectMany(code => Everyone(DemoVillageStaff.For(code, 2))).Where(p => p.Source == PersonSource.WealthLeader).ToList();

        Assert.InRange(leaders.Count, 1_000, 10_000);
        Assert.InRange(leaders.Count(p => p.JoinedPartyOn is not null) / (double)leaders.Count, 0.6, 0.95);
    }
}
