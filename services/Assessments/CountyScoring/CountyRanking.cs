using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Targets;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Assessments.CountyScoring;

/// <summary>
/// Scores every county of a year's assessment from its indicators and deductions, ranks them, and publishes each score
/// that moved. Run after every write that changes a score, and by the watch: derived indicators move with facts that
/// arrive from other services (coverage, classifications) and with gradings, at no write here.
/// </summary>
public sealed class CountyRanking(AssessmentsDb db, TimeProvider time)
{
    /// <summary>Every year's assessment; for the watch.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var assessment in await db.CountyAssessments.AsNoTracking().OrderBy(a => a.Year).ToListAsync(ct))
        {
            await RecomputeAsync(assessment, ct);
            await db.SaveOrConflictAsync("Another computation of the county scores ran meanwhile.", ct);
        }
    }

    /// <summary>Takes the deductions owed and updates every county's score; the caller saves.</summary>
    public async Task RecomputeAsync(CountyAssessment assessment, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var counties = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.County && !u.Retired).OrderBy(u => u.Code).ToListAsync(ct);
        var deductions = await DeductionsAsync(assessment, now, ct);
        // Local as well: points entered by the request that asks for this computation are not saved yet.
        await db.EnteredScores.Where(e => e.AssessmentId == assessment.Id).LoadAsync(ct);
        var entered = db.EnteredScores.Local.Where(e => e.AssessmentId == assessment.Id).ToLookup(e => e.CountyId);
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Year == assessment.Year, ct);
        var targets = round is null ? [] : await db.Targets.AsNoTracking().Where(t => t.RoundId == round.Id).ToDictionaryAsync(t => t.UnitId, ct);
        var cityTarget = round is null ? null : targets.GetValueOrDefault((await db.CityIdAsync(ct)) ?? Guid.Empty);
        var countyIds = counties.ConvertAll(c => c.Id);
        var coverages = await db.VenueCoverages.AsNoTracking().Where(c => countyIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new CoverageFigure(c.Fact.Villages, c.Fact.VillagesWithVenue, c.Fact.CoveragePercent), ct);

        var scored = new List<(UnitReplica County, List<IndicatorScoreFact> Indicators, List<DeductionFact> Deductions, decimal Total)>();
        foreach (var county in counties)
        {
            var facts = new CountyFacts(
                coverages.GetValueOrDefault(county.Id),
                await GradingAsync(round?.Id, county, targets.GetValueOrDefault(county.Id) ?? cityTarget, targets.ContainsKey(county.Id), ct),
                await ClassificationAsync(county.Id, ct),
                entered[county.Id].ToDictionary(e => e.IndicatorCode));
            var indicators = assessment.Indicators.ConvertAll(i => CountyScorer.Score(i, facts));
            var taken = deductions.Where(d => d.CountyId == county.Id).OrderBy(d => d.DeductedAt).ThenBy(d => d.Id)
                .Select(d => (Deduction: d, Rule: assessment.Deductions.FirstOrDefault(r => r.Code == d.RuleCode)))
                .Where(d => d.Rule is not null)
                .Select(d => new DeductionFact(d.Rule!.Name, d.Rule.Points, d.Deduction.Reason, d.Deduction.FactId)).ToList();
            scored.Add((county, indicators, taken, CountyScorer.Total(indicators, taken)));
        }

        var held = await db.CountyScores.Where(s => s.AssessmentId == assessment.Id).ToDictionaryAsync(s => s.CountyId, ct);
        foreach (var (county, indicators, taken, total) in scored)
        {
            if (!held.TryGetValue(county.Id, out var score))
            {
                score = CountyScore.For(assessment, county.Id);
                db.CountyScores.Add(score);
            }

            if (score.Update(county.Name, indicators, taken, 1 + scored.Count(s => s.Total > total), scored.Count, now))
            {
                db.PublishOnCommit(score.ToEvent());
            }
        }
    }

    /// <summary>The deductions held, with those owed by facts not yet deducted added: one per rule and fact.</summary>
    private async Task<List<CountyDeduction>> DeductionsAsync(CountyAssessment assessment, DateTimeOffset now, CancellationToken ct)
    {
        var held = await db.CountyDeductions.Where(d => d.AssessmentId == assessment.Id).ToListAsync(ct);
        foreach (var rule in assessment.Deductions)
        {
            var facts = rule.Fact switch
            {
                DeductionSource.VenueDeadlineMissed => await db.VenueDeadlineFacts.AsNoTracking()
                    .Where(f => f.Fact.Level == UnitLevel.County && f.Fact.Deadline.Year == assessment.Year)
                    .Select(f => new { f.FactId, CountyId = f.Fact.UnitId, f.Fact.Reason }).ToListAsync(ct),
                _ => (await db.Shortfalls.AsNoTracking().Where(s => s.Year == assessment.Year).ToListAsync(ct))
                    .ConvertAll(s => new { s.FactId, s.CountyId, Reason = $"{s.Year}年度升级晋档截止{s.Deadline:yyyy-MM-dd}尚有{s.Ungraded}个村未定档（共{s.Organizations}个）" }),
            };
            foreach (var fact in facts.Where(f => !held.Any(d => d.RuleCode == rule.Code && d.FactId == f.FactId)))
            {
                var deduction = CountyDeduction.Take(assessment.Id, fact.CountyId, rule, fact.FactId, fact.Reason, now);
                db.CountyDeductions.Add(deduction);
                held.Add(deduction);
            }
        }

        return held;
    }

    private async Task<GradingFigure> GradingAsync(Guid? roundId, UnitReplica county, GradingTarget? target, bool ownTargets, CancellationToken ct)
    {
        if (roundId is null || target is null)
        {
            return new GradingFigure(0, null, null, 0, 0);
        }

        var progress = await db.TargetProgressAsync(roundId.Value, county, target, ownTargets, ct);
        return new GradingFigure(progress.Results, progress.GoodShare, progress.PoorShare, target.GoodShareAtLeast, target.PoorShareAtMost);
    }

    /// <summary>Each organisation of the county as its newest classification (of any campaign) has it.</summary>
    private async Task<ClassificationFigure> ClassificationAsync(Guid countyId, CancellationToken ct)
    {
        var units = db.Units.Subtrees([countyId]);
        var rows = await db.Classifications.AsNoTracking().Where(c => units.Any(u => u.Id == c.Fact.UnitId))
            .Select(c => new { c.Fact.OrganizationId, c.Fact.Class, c.Fact.OccurredAt }).ToListAsync(ct);
        var newest = rows.GroupBy(r => r.OrganizationId).Select(g => g.MaxBy(r => r.OccurredAt)!.Class).ToList();
        return new ClassificationFigure(newest.Count, newest.Count(c => c == OrganizationClass.Backward));
    }
}
