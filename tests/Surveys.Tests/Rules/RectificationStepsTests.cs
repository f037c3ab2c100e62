using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Rectification;

namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class RectificationStepsTests
{
    [Theory]
    [InlineData(RectificationStage.Open, RectificationStage.Assigned)]
    [InlineData(RectificationStage.Assigned, RectificationStage.InProgress)]
    [InlineData(RectificationStage.InProgress, RectificationStage.Resolved)]
    [InlineData(RectificationStage.Resolved, RectificationStage.Verified)]
    [InlineData(RectificationStage.Verified, RectificationStage.Closed)]
    public void Each_step_follows_the_one_before(RectificationStage current, RectificationStage step) =>
        RectificationSteps.EnsureNext(current, step);

    [Theory]
    [InlineData(RectificationStage.Open, RectificationStage.InProgress)]
    [InlineData(RectificationStage.Assigned, RectificationStage.Resolved)]
    [InlineData(RectificationStage.InProgress, RectificationStage.Closed)]
    [InlineData(RectificationStage.Resolved, RectificationStage.InProgress)]
    [InlineData(RectificationStage.Verified, RectificationStage.Verified)]
    [InlineData(RectificationStage.Closed, RectificationStage.Assigned)]
    public void A_step_skipped_repeated_or_backwards_is_refused_naming_the_stage(RectificationStage current, RectificationStage step) =>
        Assert.Equal("stage", Assert.Throws<RuleViolationException>(() => RectificationSteps.EnsureNext(current, step)).Field);

    [Theory]
    [InlineData(RectificationStage.Assigned, "2026-06-30", "2026-07-01", true)]
    [InlineData(RectificationStage.InProgress, "2026-06-30", "2026-07-01", true)]
    [InlineData(RectificationStage.Assigned, "2026-06-30", "2026-06-30", false)] // the deadline day itself is still in time
    [InlineData(RectificationStage.Resolved, "2026-06-30", "2026-08-01", false)]
    [InlineData(RectificationStage.Closed, "2026-06-30", "2026-08-01", false)]
    public void An_open_rectification_is_overdue_once_its_deadline_is_behind_today(RectificationStage stage, string deadline, string today, bool overdue) =>
        Assert.Equal(overdue, RectificationSteps.IsOverdue(stage, DateOnly.Parse(deadline), DateOnly.Parse(today)));

    [Fact]
    public void Only_verifying_and_closing_need_the_county_or_the_city()
    {
        Assert.Equal(
            [RectificationStage.Verified, RectificationStage.Closed],
            Enum.GetValues<RectificationStage>().Where(RectificationSteps.NeedsCountyOrCity));
    }
}
