using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Personnel;

namespace PartyPlatform.Assessments.Awards;

/// <summary>What a village's award score and eligibility are drawn from.</summary>
/// <param name="Result">Its result in the year's round (decided by the county, or filed); null while it has none.</param>
/// <param name="VenueSince">The day its venue reached its state from acceptance on; null without a venue.</param>
/// <param name="Class">Surveys' newest classification of it within the year; null when none.</param>
public sealed record VillageFacts(int Year, Grade? Result, DateOnly? VenueSince, OrganizationClass? Class);

/// <summary>A venue deadline Venues found the township short at.</summary>
public sealed record DeadlineMiss(DateOnly Deadline, decimal CoveragePercent);

/// <summary>What a township's award score and eligibility are drawn from.</summary>
/// <param name="Villages">The village Party organisations of the year's round in it, still in service.</param>
/// <param name="GoodOrFairlyGood">Those of them with a result of 好 or 较好.</param>
/// <param name="CoveragePercent">Venues' coverage of the township; null before Venues reported it.</param>
/// <param name="Classified">Its organisations Surveys classified within the year, and <paramref name="ClassifiedGood"/> those classified 好.</param>
/// <param name="SecretaryFlags">The reasons of the open bars on its secretary's awards.</param>
public sealed record TownshipFacts(
    int Villages, int GoodOrFairlyGood, decimal? CoveragePercent, int Classified, int ClassifiedGood,
    IReadOnlyList<DeadlineMiss> DeadlinesMissed, IReadOnlyList<string> SecretaryFlags);

/// <summary>
/// The award rules (configuration in <see cref="AwardOptions"/>): a score from its parts, and every reason that
/// excludes a candidate, so the city sees why as well as who.
/// </summary>
public static class AwardRules
{
    /// <summary>
    /// A village: points for its result, for having a venue, and for its Surveys class. Excluded without a result,
    /// graded 较差, classified 后进, or without a venue.
    /// </summary>
    public static AwardAssessment Village(VillageFacts facts, VillageScoreRule rule)
    {
        var parts = new List<ScorePart>
        {
            new("grade", facts.Result is { } grade ? $"graded {grade} in {facts.Year}" : $"no result in the {facts.Year} round", facts.Result switch
            {
                Grade.Good => rule.Good,
                Grade.FairlyGood => rule.FairlyGood,
                Grade.Average => rule.Average,
                _ => 0,
            }),
            new("venue", facts.VenueSince is { } since ? $"venue accepted, in that state since {since:yyyy-MM-dd}" : "no venue accepted", facts.VenueSince is null ? 0 : rule.Venue),
            new("class", facts.Class is { } found ? $"classified {found} by Surveys" : "not classified by Surveys", facts.Class switch
            {
                OrganizationClass.Good => rule.ClassifiedGood,
                OrganizationClass.Middling => rule.ClassifiedMiddling,
                _ => 0,
            }),
        };
        var exclusions = new List<string>();
        if (facts.Result is null)
        {
            exclusions.Add($"no result in the {facts.Year} round");
        }
        else if (facts.Result == Grade.Poor)
        {
            exclusions.Add($"graded {Grade.Poor} (较差) in {facts.Year}");
        }

        if (facts.Class == OrganizationClass.Backward)
        {
            exclusions.Add($"classified {OrganizationClass.Backward} (后进) by Surveys");
        }

        if (facts.VenueSince is null)
        {
            exclusions.Add("no venue accepted");
        }

        return new AwardAssessment(parts, exclusions);
    }

    /// <summary>
    /// A township: points for the share of its villages graded 好 or 较好, for its venue coverage, and for the share of
    /// its classified organisations classified 好. Excluded for each venue deadline it missed, with coverage unknown or
    /// below the floor, and for each open bar on its secretary.
    /// </summary>
    public static AwardAssessment Township(TownshipFacts facts, TownshipScoreRule rule)
    {
        var parts = new List<ScorePart>
        {
            new("goodShare", $"{facts.GoodOrFairlyGood} of {facts.Villages} villages graded Good or FairlyGood", Points(rule.GoodShare, facts.GoodOrFairlyGood, facts.Villages)),
            new("coverage", facts.CoveragePercent is { } coverage ? $"venue coverage {coverage}%" : "no venue coverage reported",
                Math.Round(rule.Coverage * (facts.CoveragePercent ?? 0) / 100, 2)),
            new("classifiedGoodShare", $"{facts.ClassifiedGood} of {facts.Classified} organisations classified Good", Points(rule.ClassifiedGoodShare, facts.ClassifiedGood, facts.Classified)),
        };
        var exclusions = facts.DeadlinesMissed.Select(m => $"venue deadline missed {m.Deadline:yyyy-MM-dd}, coverage {m.CoveragePercent}%").ToList();
        if (facts.CoveragePercent is not { } percent)
        {
            exclusions.Add("no venue coverage reported by Venues");
        }
        else if (percent < rule.CoverageFloor)
        {
            exclusions.Add($"venue coverage {percent}% below the floor of {rule.CoverageFloor}%");
        }

        exclusions.AddRange(facts.SecretaryFlags.Select(reason => $"secretary flagged: {reason}"));
        return new AwardAssessment(parts, exclusions);
    }

    /// <summary>
    /// A wealth leader: the score of the village they are registered on (0 elsewhere). A candidate only while a
    /// wealth leader and a Party member (<see cref="WealthLeaderChanged.IsAwardCandidate"/>).
    /// </summary>
    public static AwardAssessment WealthLeader(WealthLeaderChanged leader, decimal? villageScore)
    {
        var parts = new List<ScorePart>
        {
            new("village", villageScore is { } score ? $"their village scores {score}" : "not registered on a village of the round", villageScore ?? 0),
        };
        var exclusions = new List<string>();
        if (!leader.IsWealthLeader)
        {
            exclusions.Add("no longer a wealth leader (致富带头人)");
        }

        if (!leader.IsPartyMember)
        {
            exclusions.Add("not a Party member");
        }

        return new AwardAssessment(parts, exclusions);
    }

    private static decimal Points(decimal whole, int part, int of) => of == 0 ? 0 : Math.Round(whole * part / of, 2);
}
