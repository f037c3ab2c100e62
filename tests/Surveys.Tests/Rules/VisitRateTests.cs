using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class VisitRateTests
{
    [Theory]
    [InlineData(0, 10, 0.0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(10, 10, 100.0)]
    public void The_rate_is_households_visited_over_households_in_percent_to_one_decimal(long visited, long households, decimal rate) =>
        Assert.Equal(rate, VisitRate.Percent(visited, households));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Without_households_there_is_no_rate(int? households) => Assert.Null(VisitRate.Percent(3, households));

    [Fact]
    public void An_organisation_without_a_visit_is_a_blank_spot_and_one_with_any_is_not()
    {
        Assert.True(VisitRate.IsBlankSpot(0));
        Assert.False(VisitRate.IsBlankSpot(1));
    }

    [Theory]
    [InlineData(89, 100, true)]
    [InlineData(90, 100, false)]
    [InlineData(0, null, false)]
    public void Under_the_floor_is_a_known_rate_below_it(int visited, int? households, bool under) =>
        Assert.Equal(under, VisitRate.IsUnderFloor(visited, households, 90m));
}
