using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.CountyScoring;

public sealed record CountyAssessmentResponse(
    Guid Id, int Year, decimal Total, IReadOnlyList<IndicatorResponse> Indicators, IReadOnlyList<DeductionRuleResponse> Deductions,
    string ChangedBy, DateTimeOffset ChangedAt)
{
    public static CountyAssessmentResponse From(CountyAssessment a) => new(
        a.Id, a.Year, a.Total, a.Indicators.ConvertAll(i => new IndicatorResponse(i.Code, i.Name, i.Weight, i.Source)),
        a.Deductions.ConvertAll(d => new DeductionRuleResponse(d.Code, d.Name, d.Points, d.Fact)), a.ChangedBy, a.ChangedAt);
}

public sealed record IndicatorResponse(string Code, string Name, decimal Weight, IndicatorSource Source);

public sealed record DeductionRuleResponse(string Code, string Name, decimal Points, DeductionSource Fact);

/// <summary>A county's row of the ranking.</summary>
/// <param name="Rank">1 for the highest total; equal totals share a rank.</param>
/// <param name="Counties">How many counties are ranked.</param>
public sealed record RankingRowResponse(Guid CountyId, string CountyName, decimal Total, int Rank, int Counties, decimal Deducted, DateTimeOffset ComputedAt, long Version);

/// <summary>A county's score explained down to its indicators and deductions.</summary>
public sealed record CountyScoreResponse(
    int Year, Guid CountyId, string CountyName, decimal Total, int Rank, int Counties,
    IReadOnlyList<IndicatorScoreFact> Indicators, IReadOnlyList<DeductionFact> Deductions, DateTimeOffset ComputedAt, long Version)
{
    public static CountyScoreResponse From(CountyScore s) =>
        new(s.Year, s.CountyId, s.CountyName, s.Total, s.Rank, s.Counties, s.Indicators, s.Deductions, s.ComputedAt, s.Version);
}
