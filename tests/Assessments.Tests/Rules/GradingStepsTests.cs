using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.Assessments.Tests.Rules;

public sealed class GradingStepsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly GradingRound Round = GradingRound.Open(2026, new DateOnly(2026, 12, 31),
        [new GradingIndicator { Code = "team", Name = "班子队伍", MaxScore = 20 }, new GradingIndicator { Code = "venue", Name = "活动场所", MaxScore = 15 }], "city", Now);

    [Fact]
    public void Steps_go_forward_one_at_a_time_and_the_grade_is_a_result_from_the_countys_decision()
    {
        var grading = Graded(Grade.Good);
        Assert.False(grading.IsResult);
        grading.Review(null, null, "township", Now);
        Assert.Equal((GradingStep.TownshipReviewed, Grade.Good, false), (grading.Step, grading.Grade, grading.IsResult));
        grading.Decide(Grade.Poor, Grade.Average, null, "county", Now);
        Assert.Equal((GradingStep.CountyDecided, Grade.Poor, Grade.Average, true), (grading.Step, grading.Grade, grading.PreviousGrade, grading.IsResult));
        grading.File(null, "city", Now);
        Assert.Equal((GradingStep.CityFiled, 4L), (grading.Step, grading.Version));
    }

    [Fact]
    public void A_step_out_of_order_or_a_send_back_with_nothing_before_it_is_refused_and_moves_nothing()
    {
        var grading = Graded(Grade.Good);

        Assert.Throws<ConflictException>(() => grading.Decide(Grade.Good, null, null, "county", Now));
        Assert.Throws<ConflictException>(() => grading.File(null, "city", Now));
        Assert.Throws<ConflictException>(() => grading.SendBack("材料不全", "county", Now));
        Assert.Equal((GradingStep.SelfAssessed, 1L), (grading.Step, grading.Version));
    }

    [Fact]
    public void A_send_back_takes_one_step_back_and_a_filed_grading_is_final()
    {
        var grading = Graded(Grade.Good);
        grading.Review(Grade.FairlyGood, null, "township", Now);

        var back = grading.SendBack("佐证材料不足", "county", Now);

        Assert.Equal((GradingStep.SelfAssessed, true, "佐证材料不足"), (back.Step, back.SentBack, back.Note));
        Assert.Equal(UnitLevel.County, Grading.SendsBack(GradingStep.TownshipReviewed));
        Assert.Equal(UnitLevel.City, Grading.SendsBack(GradingStep.CountyDecided));
        grading.Review(null, null, "township", Now);
        grading.Decide(Grade.Good, null, null, "county", Now);
        grading.File(null, "city", Now);
        Assert.Throws<ConflictException>(() => grading.SendBack("撤回", "city", Now));
    }

    [Fact]
    public void A_countys_file_takes_the_steps_a_grading_lacks_to_its_decision_and_the_same_file_again_takes_none()
    {
        var grading = Graded(Grade.Good);
        var scores = new Dictionary<string, decimal> { ["team"] = 15, ["venue"] = 9.5m };

        var steps = grading.DecideFromFile(Round, Grade.FairlyGood, scores, "县级核定", Grade.Average, "county", Now);

        Assert.Equal([(GradingStep.TownshipReviewed, Grade.Good), (GradingStep.CountyDecided, Grade.FairlyGood)], steps.Select(s => (s.Step, s.Grade)));
        Assert.All(steps, s => Assert.Equal(("county", Grading.FromFileNote), (s.Actor, s.Note)));
        Assert.Equal((GradingStep.CountyDecided, Grade.FairlyGood, Grade.Average, 3L, 9.5m, "县级核定"),
            (grading.Step, grading.Grade, grading.PreviousGrade, grading.Version, grading.Scores.Single(s => s.Code == "venue").Score, grading.Evidence));
        Assert.Empty(grading.DecideFromFile(Round, Grade.FairlyGood, scores, "县级核定", Grade.Average, "county", Now));
        Assert.Equal(3L, grading.Version);
    }

    [Fact]
    public void A_countys_file_decides_again_what_it_changes_until_the_city_files_it()
    {
        var grading = Graded(Grade.Good);
        var scores = new Dictionary<string, decimal> { ["team"] = 18, ["venue"] = 12 };
        grading.DecideFromFile(Round, Grade.Good, scores, "记录", null, "county", Now);

        var again = Assert.Single(grading.DecideFromFile(Round, Grade.Average, scores, "记录", null, "county", Now));

        Assert.Equal((GradingStep.CountyDecided, Grade.Average, false), (again.Step, again.Grade, again.SentBack));
        grading.File(null, "city", Now);
        Assert.Empty(grading.DecideFromFile(Round, Grade.Average, scores, "记录", null, "county", Now));
        Assert.Throws<ConflictException>(() => grading.DecideFromFile(Round, Grade.Good, scores, "记录", null, "county", Now));
        Assert.Equal((GradingStep.CityFiled, Grade.Average), (grading.Step, grading.Grade));
    }

    [Theory]
    [InlineData("venue", 16, "scores.venue")]
    [InlineData("team", -0.5, "scores.team")]
    [InlineData("luck", 1, "scores.luck")]
    public void Scores_outside_an_indicators_range_or_of_no_indicator_are_refused_naming_it(string code, decimal score, string field)
    {
        var scores = new Dictionary<string, decimal> { ["team"] = 10, ["venue"] = 10, [code] = score };

        var refused = Assert.Throws<RuleViolationException>(() => Grading.SelfAssess(Round, Organization(), Grade.Good, scores, "记录", null, "township", Now));

        Assert.Equal(field, refused.Field);
    }

    private static Grading Graded(Grade grade) =>
        Grading.SelfAssess(Round, Organization(), grade, new Dictionary<string, decimal> { ["team"] = 18, ["venue"] = 12 }, "记录", null, "township", Now).Grading;

    private static RoundOrganization Organization() => RoundOrganization.Of(Round.Id, PartyOrganizationReplica.From(new PartyOrganizationChanged(
        Guid.CreateVersion7(), 1, UnitChange.Created, "东1村党支部", "610502001201", PartyOrganizationKind.Village, Guid.CreateVersion7(), false, null, Now)));
}
