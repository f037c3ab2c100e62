namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>What a county's derived indicators are scored from; null where the fact has not arrived (or does not exist) yet.</summary>
public sealed record CountyFacts(
    CoverageFigure? Coverage,
    GradingFigure Grading,
    ClassificationFigure Classification,
    IReadOnlyDictionary<string, EnteredScore> Entered);

/// <summary>The county's venue coverage as Venues last published it.</summary>
public sealed record CoverageFigure(int Villages, int VillagesWithVenue, decimal Percent);

/// <summary>The year's grading results in the county (decided or filed), and the targets it is held to.</summary>
public sealed record GradingFigure(int Results, decimal? GoodShare, decimal? PoorShare, decimal GoodShareAtLeast, decimal PoorShareAtMost);

/// <summary>The county's organisations as Surveys last classified each.</summary>
public sealed record ClassificationFigure(int Classified, int Backward);
