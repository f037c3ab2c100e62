using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Gradings;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Spreadsheets;
using Column = PartyPlatform.Assessments.Sheets.GradingSheetColumns;

namespace PartyPlatform.Assessments.Sheets;

/// <summary>
/// Imports a county's whole round of results all-or-nothing: one row per village Party organisation the round grades
/// in the county, each checked by the grading's rules (<see cref="Grading.DecideFromFile"/>), and one bad row, or a
/// village left out, rejects the file with every reason. A row whose grading stands decided on its values takes no
/// step, so the same file can be sent again; a changed file changes only the villages whose values changed.
/// </summary>
public sealed class GradingsImporter(AssessmentsDb db, ReplicaScope scope, AuditActor actor, TimeProvider time)
{
    public async Task<GradingImportResult> ImportAsync(GradingRound round, UnitReplica county, IReadOnlyList<SheetLine> lines, CancellationToken ct)
    {
        var indicatorColumns = lines.Count > 0 ? Column.IndicatorColumns(round, lines[0]) : [];
        var villages = (await db.InService(round.Id, scope.Within(county.Id)).AsNoTracking().ToListAsync(ct))
            .DistinctBy(o => o.OrganizationCode).ToDictionary(o => o.OrganizationCode);
        var ids = villages.Values.Select(v => v.OrganizationId).ToList();
        var gradings = await db.Gradings.Where(g => g.RoundId == round.Id && ids.Contains(g.OrganizationId)).ToDictionaryAsync(g => g.OrganizationId, ct);
        var previous = await db.Gradings.AsNoTracking()
            .Where(g => g.Year == round.Year - 1 && g.Step >= GradingStep.CountyDecided && ids.Contains(g.OrganizationId))
            .ToDictionaryAsync(g => g.OrganizationId, g => (Grade?)g.Grade, ct);
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var seen = new Dictionary<string, int>();
        int decided = 0, unchanged = 0;
        foreach (var line in lines)
        {
            var problems = new Dictionary<string, string>();
            var village = Village(line, villages, seen, round, county, problems);
            var grade = GradeOf(line, problems);
            var scores = Scores(line, round, indicatorColumns, problems);
            var evidence = Evidence(line, problems);
            if (problems.Count == 0)
            {
                try
                {
                    var grading = gradings.GetValueOrDefault(village!.OrganizationId);
                    var steps = new List<GradingStepRecord>();
                    if (grading is null)
                    {
                        (grading, var selfAssessed) = Grading.SelfAssess(round, village, grade!.Value, scores, evidence!, previous.GetValueOrDefault(village.OrganizationId), actor.Id, now,
                            Grading.FromFileNote);
                        steps.Add(selfAssessed);
                        db.Gradings.Add(grading);
                    }

                    steps.AddRange(grading.DecideFromFile(round, grade!.Value, scores, evidence!, previous.GetValueOrDefault(village.OrganizationId), actor.Id, now));
                    if (steps.Count == 0)
                    {
                        unchanged++;
                    }
                    else
                    {
                        db.GradingSteps.AddRange(steps);
                        db.PublishOnCommit(grading.ToEvent());
                        decided++;
                    }
                }
                catch (RuleViolationException violation)
                {
                    problems[violation.Field.StartsWith("scores.", StringComparison.Ordinal) ? indicatorColumns[violation.Field["scores.".Length..]] : Column.Grade] =
                        violation.Message;
                }
                catch (ConflictException conflict)
                {
                    problems[Column.Grade] = conflict.Message;
                }
            }

            SheetRejectedException.Collect(errors, line.Number, problems);
        }

        var missing = villages.Values.Where(v => !seen.ContainsKey(v.OrganizationCode)).OrderBy(v => v.OrganizationCode)
            .Select(v => $"The file lacks {v.OrganizationName} ({v.OrganizationCode}): a county's file holds every village the round grades in it.").ToArray();
        if (missing.Length > 0)
        {
            errors["file"] = missing;
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new SheetRejectedException(errors);
        }

        await db.SaveOrConflictAsync("Another request moved one of these gradings meanwhile; send the file again.", ct);
        return new GradingImportResult(lines.Count, decided, unchanged);
    }

    private static RoundOrganization? Village(
        SheetLine line, Dictionary<string, RoundOrganization> villages, Dictionary<string, int> seen, GradingRound round, UnitReplica county,
        Dictionary<string, string> problems)
    {
        if (line[Column.OrganizationCode] is not { } code)
        {
            problems[Column.OrganizationCode] = "A row needs the code of the village's Party organisation.";
            return null;
        }

        // The same answer for a code of another county as for one nothing has: a county's file tells it nothing of the others.
        if (!villages.TryGetValue(code, out var village))
        {
            problems[Column.OrganizationCode] =
                $"{code} is not a village Party organisation the {round.Year} round grades in {county.Name} (one in service when the round opened).";
            return null;
        }

        if (!seen.TryAdd(code, line.Number))
        {
            problems[Column.OrganizationCode] = $"The same organisation is on row {seen[code]}: one row per village.";
            return null;
        }

        return village;
    }

    private static Grade? GradeOf(SheetLine line, Dictionary<string, string> problems)
    {
        var grade = line[Column.Grade] is { } text ? SheetTexts.GradeOf(text) : null;
        if (grade is null)
        {
            problems[Column.Grade] = $"'{line[Column.Grade]}' is not a grade; give one of {SheetTexts.GradeChoices}.";
        }

        return grade;
    }

    private static Dictionary<string, decimal> Scores(SheetLine line, GradingRound round, Dictionary<string, string> columns, Dictionary<string, string> problems)
    {
        var scores = new Dictionary<string, decimal>();
        foreach (var indicator in round.Indicators)
        {
            var column = columns[indicator.Code];
            if (line[column] is not { } text)
            {
                problems[column] = $"The score on {indicator.Name} is missing.";
            }
            else if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
            {
                problems[column] = $"'{text}' is not a score: give a number from 0 to {indicator.MaxScore}.";
            }
            else
            {
                scores[indicator.Code] = score;
            }
        }

        return scores;
    }

    private static string? Evidence(SheetLine line, Dictionary<string, string> problems)
    {
        var evidence = line[Column.Evidence];
        if (evidence is null)
        {
            problems[Column.Evidence] = "A row needs the evidence the scores rest on.";
        }
        else if (evidence.Length > Grading.MaxEvidenceLength)
        {
            problems[Column.Evidence] = $"The evidence may have at most {Grading.MaxEvidenceLength} characters; this has {evidence.Length}.";
        }

        return evidence;
    }
}
