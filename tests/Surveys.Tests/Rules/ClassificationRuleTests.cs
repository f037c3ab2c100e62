using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Classification;

namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class ClassificationRuleTests
{
    private static readonly ClassificationRule Rule = new()
    {
        GoodVisitRateFrom = 95, GoodSatisfactionFrom = 90, BackwardVisitRateBelow = 70, BackwardSatisfactionBelow = 60, BackwardOpenProblemsFrom = 3,
    };

    [Theory]
    [InlineData(100, 95, 0, OrganizationClass.Good)]
    [InlineData(95, 90, 0, OrganizationClass.Good)]
    [InlineData(94.9, 95, 0, OrganizationClass.Middling)]
    [InlineData(100, 95, 1, OrganizationClass.Middling)]
    [InlineData(70, 60, 2, OrganizationClass.Middling)]
    [InlineData(69.9, 95, 0, OrganizationClass.Backward)]
    [InlineData(100, 59.9, 0, OrganizationClass.Backward)]
    [InlineData(100, 95, 3, OrganizationClass.Backward)]
    public void Backward_under_any_floor_good_at_every_mark_middling_between(double visitRate, double satisfaction, int openProblems, OrganizationClass expected) =>
        Assert.Equal(expected, Rule.Classify((decimal)visitRate, (decimal)satisfaction, openProblems).Class);

    [Fact]
    public void Without_households_or_evaluations_an_organisation_is_not_good_and_the_reason_says_what_was_not_measured()
    {
        var (found, reason) = Rule.Classify(null, null, 0);

        Assert.Equal(OrganizationClass.Middling, found);
        Assert.Equal("入户率未测，群众满意率未测，未销号问题0个", reason);
    }

    [Fact]
    public void A_backward_reason_names_every_measure_under_its_floor()
    {
        var (found, reason) = Rule.Classify(50m, 40m, 4);

        Assert.Equal(OrganizationClass.Backward, found);
        Assert.Equal("入户率50.0%，低于70%；群众满意率40.0%，低于60%；未销号问题4个，达到3个", reason);
    }
}
