using PartyPlatform.Assessments.Commitments;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Tests.Rules;

public sealed class CommitmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly Secretary Secretary = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), PostKind.VillageSecretary);

    [Fact]
    public void Made_kept_then_evaluated_which_closes_it()
    {
        var commitment = Commitment.Make(Secretary, 2026, "建成活动场所", new DateOnly(2026, 12, 20), "township", Now);
        Assert.Equal(CommitmentStep.Made, commitment.Step);
        commitment.Keep("主体完工", "township", Now);
        Assert.Equal(CommitmentStep.Kept, commitment.Step);

        commitment.Evaluate(Rating.FairlyGood, "基本兑现", "township", Now);

        Assert.Equal((CommitmentStep.Evaluated, Rating.FairlyGood, 3L), (commitment.Step, commitment.Rating, commitment.Version));
        Assert.Throws<ConflictException>(() => commitment.Keep("补充", "township", Now));
        Assert.Throws<ConflictException>(() => commitment.Evaluate(Rating.Poor, null, "county", Now));
        Assert.Equal(Rating.FairlyGood, commitment.Rating);
    }

    [Fact]
    public void A_commitment_falls_due_within_its_year() =>
        Assert.Equal("dueOn", Assert.Throws<RuleViolationException>(() => Commitment.Make(Secretary, 2026, "x", new DateOnly(2027, 1, 1), "a", Now)).Field);

    [Theory]
    [InlineData("2026-12-03", CommitmentStep.Made, "2026-12-03", false)]
    [InlineData("2026-12-03", CommitmentStep.Made, "2026-12-04", true)]
    [InlineData("2026-12-03", CommitmentStep.Kept, "2026-12-04", true)]
    [InlineData("2026-12-03", CommitmentStep.Evaluated, "2026-12-04", false)]
    public void Overdue_once_the_due_date_has_passed_unevaluated(string dueOn, CommitmentStep step, string today, bool overdue) =>
        Assert.Equal(overdue, Commitment.IsOverdue(DateOnly.Parse(dueOn), step, DateOnly.Parse(today)));
}
