using System.ComponentModel.DataAnnotations;
using PartyPlatform.Assessments.Secretaries;

namespace PartyPlatform.Assessments.Reports;

/// <summary>
/// The city's rule for a secretary's report result (联述联评联考): each rating counts its points, the result is the best
/// grade whose threshold the average reaches, and the 考 score lies between 0 and <see cref="MaxExamScore"/>.
/// </summary>
public sealed class SecretaryReportOptions
{
    public const string Section = "Assessments:SecretaryReports";

    public RatingPoints Points { get; set; } = new();

    /// <summary>The average points a result of 好 needs at least.</summary>
    [Range(0, 1000)]
    public decimal GoodAtLeast { get; set; } = 90;

    [Range(0, 1000)]
    public decimal FairlyGoodAtLeast { get; set; } = 75;

    /// <summary>Below this the result is 差.</summary>
    [Range(0, 1000)]
    public decimal AverageAtLeast { get; set; } = 60;

    /// <summary>The 联考 score's maximum: the assessment of the secretary's Party-building responsibility, comparable across units.</summary>
    [Range(1, 1000)]
    public decimal MaxExamScore { get; set; } = 100;

    /// <summary>Better ratings count more, and a better result needs more.</summary>
    public bool IsOrdered =>
        Points.Good >= Points.FairlyGood && Points.FairlyGood >= Points.Average && Points.Average >= Points.Poor && Points.Poor >= 0
        && GoodAtLeast >= FairlyGoodAtLeast && FairlyGoodAtLeast >= AverageAtLeast;

    /// <summary>The average points of <paramref name="ratings"/> (two decimals) and the result they reach.</summary>
    public (decimal Points, Rating Result) ResultOf(IReadOnlyCollection<Rating> ratings)
    {
        if (ratings.Count == 0)
        {
            throw new ConflictException("A result is computed from the evaluators' ratings; there are none yet.");
        }

        var points = decimal.Round(ratings.Average(Points.Of), 2);
        var result = points >= GoodAtLeast ? Rating.Good
            : points >= FairlyGoodAtLeast ? Rating.FairlyGood
            : points >= AverageAtLeast ? Rating.Average
            : Rating.Poor;
        return (points, result);
    }
}

/// <summary>What each rating counts: 好, 较好, 一般, 差.</summary>
public sealed class RatingPoints
{
    [Range(0, 1000)]
    public decimal Good { get; set; } = 100;

    [Range(0, 1000)]
    public decimal FairlyGood { get; set; } = 80;

    [Range(0, 1000)]
    public decimal Average { get; set; } = 60;

    [Range(0, 1000)]
    public decimal Poor { get; set; }

    public decimal Of(Rating rating) => rating switch
    {
        Rating.Good => Good,
        Rating.FairlyGood => FairlyGood,
        Rating.Average => Average,
        _ => Poor,
    };
}
