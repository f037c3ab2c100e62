namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>
/// A year's target-responsibility assessment of every county (基层组织建设目标责任考核): its weighted indicators and its
/// deduction rules, taken from the city's terms at opening and changeable by the city for that year alone.
/// </summary>
public sealed class CountyAssessment
{
    private CountyAssessment()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public int Year { get; private set; }

    public decimal Total { get; private set; }

    public List<AssessmentIndicator> Indicators { get; private set; } = [];

    public List<DeductionRule> Deductions { get; private set; } = [];

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public static CountyAssessment Open(int year, CountyAssessmentOptions terms, string actor, DateTimeOffset now)
    {
        var assessment = new CountyAssessment { Year = year, Total = terms.Total };
        assessment.Change(terms.Indicators, terms.Deductions, actor, now);
        return assessment;
    }

    /// <summary>Replaces the indicator set and the deduction rules, checked first: nothing changes when one is wrong.</summary>
    public void Change(IReadOnlyList<AssessmentIndicator> indicators, IReadOnlyList<DeductionRule> deductions, string actor, DateTimeOffset now)
    {
        CheckIndicators(indicators, Total);
        CheckDeductions(deductions);
        Indicators = [.. indicators.Select(i => new AssessmentIndicator { Code = i.Code, Name = i.Name, Weight = i.Weight, Source = i.Source })];
        Deductions = [.. deductions.Select(d => new DeductionRule { Code = d.Code, Name = d.Name, Points = d.Points, Fact = d.Fact })];
        (ChangedBy, ChangedAt) = (actor, now);
    }

    public AssessmentIndicator Indicator(string code) =>
        Indicators.FirstOrDefault(i => i.Code == code) ?? throw new RuleViolationException("code", $"The {Year} assessment has no indicator '{code}'.");

    private static void CheckIndicators(IReadOnlyList<AssessmentIndicator> indicators, decimal total)
    {
        if (indicators.Count == 0)
        {
            throw new RuleViolationException("indicators", "An assessment needs at least one indicator.");
        }

        if (indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new RuleViolationException("indicators", $"The indicator code '{twice.Key}' is used twice.");
        }

        if (indicators.FirstOrDefault(i => i.Weight <= 0) is { } weightless)
        {
            throw new RuleViolationException("indicators", $"The indicator '{weightless.Code}' needs a weight above 0.");
        }

        if (indicators.Sum(i => i.Weight) is var sum && sum != total)
        {
            throw new RuleViolationException("indicators", $"The indicators' weights sum to {sum}; the assessment's weights must sum to {total}.");
        }
    }

    private static void CheckDeductions(IReadOnlyList<DeductionRule> deductions)
    {
        if (deductions.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new RuleViolationException("deductions", $"The deduction rule code '{twice.Key}' is used twice.");
        }

        if (deductions.FirstOrDefault(d => d.Points <= 0) is { } pointless)
        {
            throw new RuleViolationException("deductions", $"The deduction rule '{pointless.Code}' needs points above 0.");
        }
    }
}
