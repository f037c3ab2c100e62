using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Problems;

namespace PartyPlatform.Surveys.Tests.Rules;

public sealed class ProblemRectificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    private static Problem Raised(DateOnly? on = null)
    {
        var campaign = Campaign.Plan("2026年入户走访", Guid.CreateVersion7(), new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), Now);
        var organization = CampaignOrganization.Add(campaign.Id, Guid.CreateVersion7(), "610502001201", "东1村党支部", PartyOrganizationKind.Village, Guid.CreateVersion7(), Now);
        return Problem.Raise(campaign, organization, Guid.CreateVersion7(), ProblemKind.Problem, "infrastructure", "村道坑洼", on ?? new DateOnly(2026, 6, 10), "tester", Now);
    }

    private static Problem Verified(string? answer)
    {
        var problem = Raised();
        problem.Assign(Guid.CreateVersion7(), new DateOnly(2026, 7, 31), "county", null, Now);
        problem.Start("township", null, Now);
        problem.Resolve(answer, "township", null, Now);
        problem.Verify("county", null, Now);
        return problem;
    }

    [Fact]
    public void A_problem_is_raised_only_on_a_day_of_the_campaign()
    {
        Assert.Equal("raisedOn", Assert.Throws<RuleViolationException>(() => Raised(new DateOnly(2026, 9, 1))).Field);
    }

    [Fact]
    public void The_deadline_cannot_be_before_the_problem_was_raised()
    {
        var problem = Raised();

        Assert.Equal("deadline", Assert.Throws<RuleViolationException>(() => problem.Assign(Guid.CreateVersion7(), new DateOnly(2026, 6, 9), "county", null, Now)).Field);
        Assert.Equal(RectificationStage.Open, problem.Stage);
    }

    [Fact]
    public void A_problem_closes_only_with_an_answer_to_the_people()
    {
        var unanswered = Verified(answer: null);

        Assert.Equal("answer", Assert.Throws<RuleViolationException>(() => unanswered.Close(null, "county", null, Now)).Field);
        Assert.Equal(RectificationStage.Verified, unanswered.Stage);
        unanswered.Close("已铺设水泥路面，并向群众公示", "county", null, Now);
        Assert.Equal(RectificationStage.Closed, unanswered.Stage);
        // An answer given at resolving is enough.
        var answered = Verified(answer: "已修复");
        answered.Close(null, "county", null, Now);
        Assert.Equal((RectificationStage.Closed, "已修复"), (answered.Stage, answered.Answer));
    }

    [Fact]
    public void An_open_rectification_past_its_deadline_is_marked_overdue_once()
    {
        var problem = Raised();
        problem.Assign(Guid.CreateVersion7(), new DateOnly(2026, 6, 30), "county", null, Now);

        Assert.False(problem.MarkOverdue(new DateOnly(2026, 6, 30), Now));
        Assert.True(problem.MarkOverdue(new DateOnly(2026, 7, 1), Now));
        Assert.False(problem.MarkOverdue(new DateOnly(2026, 7, 2), Now));
        Assert.True(problem.Overdue);
        problem.Start("township", null, Now);
        problem.Resolve("已修复", "township", null, Now);
        Assert.False(problem.Overdue);
    }

    [Fact]
    public void The_override_wins_over_the_rule_and_stays_when_the_rule_changes()
    {
        var problem = Raised();
        problem.OverrideSpread(ProblemSpread.Widespread, "全县同类问题集中", "county", Now);

        problem.Classified(ProblemSpread.Isolated, ProblemRecurrence.Occasional, Now);

        Assert.Equal((ProblemSpread.Widespread, ProblemSpread.Isolated), (problem.Spread, problem.ComputedSpread));
    }
}
