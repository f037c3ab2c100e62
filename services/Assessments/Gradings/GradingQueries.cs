using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Contracts.Assessments;

namespace PartyPlatform.Assessments.Gradings;

public static class GradingQueries
{
    /// <summary>The existence rule for a grading: it, when its village is in the caller's unit; else null (404).</summary>
    public static async Task<Grading?> FoundGradingAsync(this AssessmentsDb db, ReplicaScope scope, Guid gradingId, CancellationToken ct) =>
        await scope.FoundAsync(await db.Gradings.FirstOrDefaultAsync(g => g.Id == gradingId, ct), g => g.UnitId, ct);

    /// <summary>A grading's steps, oldest first: by time, and by the version each made where an import took several at once.</summary>
    public static Task<List<GradingStepRecord>> StepsOfAsync(this AssessmentsDb db, Guid gradingId, CancellationToken ct) =>
        db.GradingSteps.AsNoTracking().Where(s => s.GradingId == gradingId).OrderBy(s => s.TakenAt).ThenBy(s => s.Version).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>The organisation's result in the round of the year before, if it had one.</summary>
    public static Task<Grade?> PreviousResultAsync(this AssessmentsDb db, Guid organizationId, int year, CancellationToken ct) =>
        db.Gradings.Where(g => g.OrganizationId == organizationId && g.Year == year - 1 && g.Step >= GradingStep.CountyDecided)
            .Select(g => (Grade?)g.Grade).FirstOrDefaultAsync(ct);
}
