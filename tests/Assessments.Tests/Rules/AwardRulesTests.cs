using PartyPlatform.Assessments.Awards;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;

namespace PartyPlatform.Assessments.Tests.Rules;

public sealed class AwardRulesTests
{
    private static readonly VillageScoreRule Village = new() { Good = 50, FairlyGood = 35, Average = 15, Venue = 20, ClassifiedGood = 30, ClassifiedMiddling = 15 };

    private static readonly TownshipScoreRule Township = new() { GoodShare = 40, Coverage = 30, ClassifiedGoodShare = 30, CoverageFloor = 90 };

    [Fact]
    public void A_village_scores_its_grade_its_venue_and_its_class_each_explained()
    {
        var assessment = AwardRules.Village(new VillageFacts(2026, Grade.FairlyGood, new DateOnly(2025, 6, 1), OrganizationClass.Middling), Village);

        Assert.Equal(70m, assessment.Score);
        Assert.Equal(new[] { ("grade", 35m), ("venue", 20m), ("class", 15m) }, assessment.Parts.Select(p => (p.Part, p.Points)));
        Assert.Contains("FairlyGood", assessment.Parts[0].Fact);
        Assert.Contains("2025-06-01", assessment.Parts[1].Fact);
        Assert.True(assessment.IsEligible);
    }

    [Fact]
    public void A_village_graded_poor_classified_backward_and_without_a_venue_is_excluded_for_each_reason()
    {
        var assessment = AwardRules.Village(new VillageFacts(2026, Grade.Poor, null, OrganizationClass.Backward), Village);

        Assert.Equal(0m, assessment.Score);
        Assert.Equal(3, assessment.Exclusions.Count);
        Assert.Contains(assessment.Exclusions, e => e.Contains("较差"));
        Assert.Contains(assessment.Exclusions, e => e.Contains("后进"));
        Assert.Contains(assessment.Exclusions, e => e.Contains("no venue"));
        Assert.Contains("no result", Assert.Single(AwardRules.Village(new VillageFacts(2026, null, new DateOnly(2025, 6, 1), null), Village).Exclusions));
    }

    [Fact]
    public void A_township_scores_its_shares_and_coverage_and_is_excluded_for_a_missed_deadline_low_coverage_and_a_flagged_secretary()
    {
        var eligible = AwardRules.Township(new TownshipFacts(4, 3, 95m, 5, 2, [], []), Township);
        var excluded = AwardRules.Township(new TownshipFacts(4, 3, 75m, 5, 2, [new DeadlineMiss(new DateOnly(2013, 12, 31), 75m)], ["未按期完成活动场所建设"]), Township);

        Assert.Equal(new[] { 30m, 28.5m, 12m }, eligible.Parts.Select(p => p.Points));
        Assert.Equal(70.5m, eligible.Score);
        Assert.True(eligible.IsEligible);
        Assert.Equal(
            ["venue deadline missed 2013-12-31, coverage 75%", "venue coverage 75% below the floor of 90%", "secretary flagged: 未按期完成活动场所建设"],
            excluded.Exclusions);
        Assert.Contains("no venue coverage", Assert.Single(AwardRules.Township(new TownshipFacts(0, 0, null, 0, 0, [], []), Township).Exclusions));
    }

    [Fact]
    public void A_wealth_leader_takes_the_village_score_and_is_a_candidate_only_as_a_party_member_and_wealth_leader()
    {
        var member = new WealthLeaderChanged(Guid.NewGuid(), 1, Guid.NewGuid(), true, new DateOnly(2001, 7, 1), DateTimeOffset.UnixEpoch);

        Assert.Equal((80m, true), (AwardRules.WealthLeader(member, 80m).Score, AwardRules.WealthLeader(member, 80m).IsEligible));
        Assert.Equal(0m, AwardRules.WealthLeader(member, null).Score);
        Assert.Equal(["not a Party member"], AwardRules.WealthLeader(member with { JoinedPartyOn = null }, 80m).Exclusions);
        Assert.Contains("no longer", Assert.Single(AwardRules.WealthLeader(member with { IsWealthLeader = false }, 80m).Exclusions));
    }

    [Fact]
    public void The_eligible_are_ranked_by_score_then_tie_break_and_the_excluded_follow_unranked()
    {
        static AwardCandidate Candidate(string code, decimal score, bool eligible) => new(Guid.NewGuid(), code, code, null, null, code,
            new AwardAssessment([new ScorePart("grade", "", score)], eligible ? [] : ["no venue accepted"]));

        var ranked = AwardRanking.Rank([Candidate("c", 50, true), Candidate("x", 99, false), Candidate("b", 70, true), Candidate("a", 50, true)]);

        Assert.Equal(new[] { ("b", (int?)1), ("a", 2), ("c", 3), ("x", null) }, ranked.Select(r => (r.Candidate.UnitCode!, r.Rank)));
    }
}
