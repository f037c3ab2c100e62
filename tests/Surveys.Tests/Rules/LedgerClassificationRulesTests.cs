using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class LedgerClassificationRulesTests
{
    private static readonly Guid ThisCampaign = Guid.CreateVersion7();
    private static readonly Guid LastCampaign = Guid.CreateVersion7();

    [Theory]
    [InlineData(1, 3, ProblemSpread.Isolated)]
    [InlineData(2, 3, ProblemSpread.Isolated)]
    [InlineData(3, 3, ProblemSpread.Widespread)]
    [InlineData(7, 3, ProblemSpread.Widespread)]
    [InlineData(4, 5, ProblemSpread.Isolated)]
    public void A_category_is_widespread_from_the_threshold_of_organisations_on(int organizations, int threshold, ProblemSpread spread) =>
        Assert.Equal(spread, SpreadRule.Of(organizations, threshold));

    [Fact]
    public void Raised_again_after_an_earlier_campaign_is_recurring()
    {
        var raised = (ThisCampaign, new DateOnly(2026, 6, 10));

        Assert.Equal(ProblemRecurrence.Recurring, RecurrenceRule.Of(raised, [raised, (LastCampaign, new DateOnly(2025, 7, 1))]));
    }

    [Fact]
    public void The_first_time_or_only_within_the_same_campaign_is_occasional()
    {
        var raised = (ThisCampaign, new DateOnly(2026, 6, 10));

        Assert.Equal(ProblemRecurrence.Occasional, RecurrenceRule.Of(raised, [raised]));
        Assert.Equal(ProblemRecurrence.Occasional, RecurrenceRule.Of(raised, [raised, (ThisCampaign, new DateOnly(2026, 6, 1))]));
        // Another campaign's later problem makes that one recurring, not this one.
        Assert.Equal(ProblemRecurrence.Occasional, RecurrenceRule.Of(raised, [raised, (LastCampaign, new DateOnly(2026, 7, 1))]));
    }
}
