using System.ComponentModel.DataAnnotations;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Awards;

/// <summary>
/// The city's terms for the yearly awards (十佳乡镇、百强村、千名党员致富带头人): how many places each list has, how
/// townships and villages are scored, and what bars a township.
/// </summary>
public sealed class AwardOptions
{
    public const string Section = "Assessments:Awards";

    [Range(1, 1_000)]
    public int Townships { get; set; } = 10;

    [Range(1, 10_000)]
    public int Villages { get; set; } = 100;

    [Range(1, 100_000)]
    public int WealthLeaders { get; set; } = 1_000;

    public VillageScoreRule Village { get; set; } = new();

    public TownshipScoreRule Township { get; set; } = new();

    public int PlacesOf(AwardKind kind) => kind switch
    {
        AwardKind.Townships => Townships,
        AwardKind.Villages => Villages,
        _ => WealthLeaders,
    };

    /// <summary>Every number in range, the nested rules' too (data annotations alone look at the top level only).</summary>
    public bool IsValid() =>
        new object[] { this, Village, Township }.All(o => Validator.TryValidateObject(o, new ValidationContext(o), null, validateAllProperties: true));
}

/// <summary>A village's points: for its result in the year's round, for having a venue, and for its Surveys class.</summary>
public sealed class VillageScoreRule
{
    [Range(0, 1_000)]
    public decimal Good { get; set; } = 50;

    [Range(0, 1_000)]
    public decimal FairlyGood { get; set; } = 35;

    [Range(0, 1_000)]
    public decimal Average { get; set; } = 15;

    /// <summary>For having a venue (accepted or in use).</summary>
    [Range(0, 1_000)]
    public decimal Venue { get; set; } = 20;

    /// <summary>For being classified 好 by Surveys in the year.</summary>
    [Range(0, 1_000)]
    public decimal ClassifiedGood { get; set; } = 30;

    /// <summary>For being classified 中间.</summary>
    [Range(0, 1_000)]
    public decimal ClassifiedMiddling { get; set; } = 15;
}

/// <summary>A township's points, each for the whole of a share (100 %), and the venue coverage it must reach.</summary>
public sealed class TownshipScoreRule
{
    /// <summary>For all of its villages graded 好 or 较好 in the year's round.</summary>
    [Range(0, 1_000)]
    public decimal GoodShare { get; set; } = 40;

    /// <summary>For full venue coverage.</summary>
    [Range(0, 1_000)]
    public decimal Coverage { get; set; } = 30;

    /// <summary>For all of its classified organisations classified 好 by Surveys in the year.</summary>
    [Range(0, 1_000)]
    public decimal ClassifiedGoodShare { get; set; } = 30;

    /// <summary>A township whose venue coverage lies below this (percent) is not eligible.</summary>
    [Range(0, 100)]
    public decimal CoverageFloor { get; set; } = 100;
}
