using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>A county's explained score and rank in a year's assessment, as last computed; a new version whenever either moves.</summary>
public sealed class CountyScore : IPublishedEntity
{
    private CountyScore()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AssessmentId { get; private set; }

    public int Year { get; private set; }

    public Guid CountyId { get; private set; }

    public string CountyName { get; private set; } = "";

    public decimal Total { get; private set; }

    public int Rank { get; private set; }

    public int Counties { get; private set; }

    public IReadOnlyList<IndicatorScoreFact> Indicators { get; private set; } = [];

    public IReadOnlyList<DeductionFact> Deductions { get; private set; } = [];

    public DateTimeOffset ComputedAt { get; private set; }

    public long Version { get; private set; }

    public static CountyScore For(CountyAssessment assessment, Guid countyId) => new() { AssessmentId = assessment.Id, Year = assessment.Year, CountyId = countyId };

    /// <returns>Whether anything moved: only then is there a new version to publish.</returns>
    public bool Update(string countyName, IReadOnlyList<IndicatorScoreFact> indicators, IReadOnlyList<DeductionFact> deductions, int rank, int counties, DateTimeOffset now)
    {
        var total = CountyScorer.Total(indicators, deductions);
        if (Version > 0 && countyName == CountyName && total == Total && rank == Rank && counties == Counties
            && indicators.SequenceEqual(Indicators) && deductions.SequenceEqual(Deductions))
        {
            return false;
        }

        (CountyName, Indicators, Deductions, Total, Rank, Counties, ComputedAt) = (countyName, indicators, deductions, total, rank, counties, now);
        Version++;
        return true;
    }

    public CountyScoreChanged ToEvent() => new(Id, Version, Year, CountyId, CountyName, Total, Rank, Counties, Indicators, Deductions, ComputedAt);
}
