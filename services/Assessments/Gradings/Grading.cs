using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.Gradings;

/// <summary>
/// A village Party organisation's grading in a round: self-assessment (entered by its township) → township review →
/// county decision → city filing. Steps go only forward, except a send-back with a reason by the level that takes the
/// next step: the county sends a township's review back, the city a county's decision. The grade is the village's
/// result from the county's decision on.
/// </summary>
public sealed class Grading : IPublishedEntity
{
    public const int MaxEvidenceLength = 4000;

    /// <summary>The note on the steps an import takes, so that the history tells them from steps taken one by one.</summary>
    public const string FromFileNote = "From the county's results file.";

    private Grading()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RoundId { get; private set; }

    public int Year { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string OrganizationCode { get; private set; } = "";

    public Guid UnitId { get; private set; }

    public Grade Grade { get; private set; }

    public List<IndicatorScore> Scores { get; private set; } = [];

    public string Evidence { get; private set; } = "";

    public GradingStep Step { get; private set; }

    /// <summary>The organisation's result in the previous year's round, when it had one.</summary>
    public Grade? PreviousGrade { get; private set; }

    public long Version { get; private set; } = 1;

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsResult => Step >= GradingStep.CountyDecided;

    public static (Grading Grading, GradingStepRecord Step) SelfAssess(
        GradingRound round, RoundOrganization organization, Grade grade, IReadOnlyDictionary<string, decimal> scores, string evidence,
        Grade? previous, string actor, DateTimeOffset now, string? note = null)
    {
        var grading = new Grading
        {
            RoundId = round.Id, Year = round.Year, OrganizationId = organization.OrganizationId, OrganizationCode = organization.OrganizationCode,
            UnitId = organization.UnitId, Step = GradingStep.SelfAssessed, PreviousGrade = previous, UpdatedAt = now,
        };
        grading.Enter(round, grade, scores, evidence);
        return (grading, GradingStepRecord.Taken(grading, sentBack: false, actor, note, now));
    }

    /// <summary>The township enters the self-assessment again, until it has reviewed it.</summary>
    public GradingStepRecord Reassess(GradingRound round, Grade grade, IReadOnlyDictionary<string, decimal> scores, string evidence, string actor, DateTimeOffset now)
    {
        Expect(GradingStep.SelfAssessed, "entering the self-assessment again");
        Enter(round, grade, scores, evidence);
        return Moved(GradingStep.SelfAssessed, grade, sentBack: false, actor, null, now);
    }

    public GradingStepRecord Review(Grade? grade, string? note, string actor, DateTimeOffset now)
    {
        Expect(GradingStep.SelfAssessed, "the township's review");
        return Moved(GradingStep.TownshipReviewed, grade ?? Grade, sentBack: false, actor, note, now);
    }

    public GradingStepRecord Decide(Grade grade, Grade? previous, string? note, string actor, DateTimeOffset now)
    {
        Expect(GradingStep.TownshipReviewed, "the county's decision");
        PreviousGrade = previous;
        return Moved(GradingStep.CountyDecided, grade, sentBack: false, actor, note, now);
    }

    public GradingStepRecord File(string? note, string actor, DateTimeOffset now)
    {
        Expect(GradingStep.CountyDecided, "the city's filing");
        return Moved(GradingStep.CityFiled, Grade, sentBack: false, actor, note, now);
    }

    /// <summary>
    /// The county's results from its file (导入): the steps from where the grading stands to the county's decision on
    /// these values, each taken by the importer: the township's review when it has not been made, then the decision,
    /// which carries the file's scores and evidence. The file decides again when it changes a decision the county took
    /// (as the township enters a self-assessment again until its review); it takes no step when the grading stands
    /// decided or filed on the same values, so a file sent again changes nothing. A filed grading is final (409).
    /// A grading with no step yet starts from <see cref="SelfAssess"/> on the same values.
    /// </summary>
    public List<GradingStepRecord> DecideFromFile(
        GradingRound round, Grade grade, IReadOnlyDictionary<string, decimal> scores, string evidence, Grade? previous, string actor, DateTimeOffset now)
    {
        Check(round, scores);
        if (IsResult && Grade == grade && Evidence == evidence && Scores.All(s => scores[s.Code] == s.Score))
        {
            return [];
        }

        if (Step == GradingStep.CityFiled)
        {
            throw new ConflictException($"The city has filed the grading of {OrganizationCode} ({Grade}); it is final for its year, and a file cannot change it.");
        }

        var steps = new List<GradingStepRecord>();
        if (Step == GradingStep.SelfAssessed)
        {
            steps.Add(Review(null, FromFileNote, actor, now));
        }

        Enter(round, grade, scores, evidence);
        PreviousGrade = previous;
        steps.Add(Moved(GradingStep.CountyDecided, grade, sentBack: false, actor, FromFileNote, now));
        return steps;
    }

    /// <summary>One step back, with the reason: a township's review to be taken again, or a county's decision.</summary>
    public GradingStepRecord SendBack(string reason, string actor, DateTimeOffset now) => Step switch
    {
        GradingStep.TownshipReviewed => Moved(GradingStep.SelfAssessed, Grade, sentBack: true, actor, reason, now),
        GradingStep.CountyDecided => Moved(GradingStep.TownshipReviewed, Grade, sentBack: true, actor, reason, now),
        _ => throw new ConflictException(Step == GradingStep.SelfAssessed
            ? "A self-assessment has no step before it to go back to; the township enters it again instead."
            : "A grading the city has filed is final for its year; it cannot be sent back."),
    };

    /// <summary>The level whose step a send-back undoes the step before: the county for a review, the city for a decision.</summary>
    public static UnitLevel SendsBack(GradingStep step) => step == GradingStep.TownshipReviewed ? UnitLevel.County : UnitLevel.City;

    public OrganizationGraded ToEvent() =>
        new(Id, Version, RoundId, Year, OrganizationId, OrganizationCode, UnitId, Grade, Step, PreviousGrade, UpdatedAt);

    private void Enter(GradingRound round, Grade grade, IReadOnlyDictionary<string, decimal> scores, string evidence)
    {
        Check(round, scores);
        Grade = grade;
        Scores = [.. round.Indicators.Select(i => new IndicatorScore { Code = i.Code, Score = scores[i.Code] })];
        Evidence = evidence;
    }

    /// <summary>Throws <see cref="RuleViolationException"/> naming the score unless there is one on every indicator of the round, within its range, and no other.</summary>
    private static void Check(GradingRound round, IReadOnlyDictionary<string, decimal> scores)
    {
        var unknown = scores.Keys.FirstOrDefault(code => round.Indicators.All(i => i.Code != code));
        if (unknown is not null)
        {
            throw new RuleViolationException($"scores.{unknown}", $"'{unknown}' is not an indicator of the {round.Year} round ({string.Join(", ", round.Indicators.Select(i => i.Code))}).");
        }

        foreach (var indicator in round.Indicators)
        {
            if (!scores.TryGetValue(indicator.Code, out var score))
            {
                throw new RuleViolationException($"scores.{indicator.Code}", $"The score on {indicator.Name} ({indicator.Code}) is missing.");
            }

            if (score < 0 || score > indicator.MaxScore)
            {
                throw new RuleViolationException($"scores.{indicator.Code}", $"The score on {indicator.Name} must lie between 0 and {indicator.MaxScore}; {score} does not.");
            }
        }
    }

    private void Expect(GradingStep step, string what)
    {
        if (Step != step)
        {
            throw new ConflictException($"The grading of {OrganizationCode} stands at {Step}; {what} comes after {step}, so it is out of order.");
        }
    }

    private GradingStepRecord Moved(GradingStep step, Grade grade, bool sentBack, string actor, string? note, DateTimeOffset now)
    {
        Step = step;
        Grade = grade;
        Version++;
        UpdatedAt = now;
        return GradingStepRecord.Taken(this, sentBack, actor, note, now);
    }
}
