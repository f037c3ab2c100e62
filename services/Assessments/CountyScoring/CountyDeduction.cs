namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>
/// A county's deduction by a rule, for one fact: kept with the fact's id and its reason, and unique per assessment,
/// county, rule and fact, so a fact delivered or replayed twice deducts once. Its points are the rule's as it stands.
/// </summary>
public sealed class CountyDeduction
{
    private CountyDeduction()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AssessmentId { get; private set; }

    public Guid CountyId { get; private set; }

    public string RuleCode { get; private set; } = "";

    public Guid FactId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset DeductedAt { get; private set; }

    public static CountyDeduction Take(Guid assessmentId, Guid countyId, DeductionRule rule, Guid factId, string reason, DateTimeOffset now) => new()
    {
        AssessmentId = assessmentId, CountyId = countyId, RuleCode = rule.Code, FactId = factId, Reason = reason,
        DeductedAt = now,
    };
}
