using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.Problems;

/// <summary>Where the ledger's problems are: the one a path names, in the caller's unit, and the county above an organisation's unit.</summary>
public static class LedgerPlaces
{
    /// <summary>The problem if it is at an organisation of the caller's unit, else null (404, as for an id nothing has).</summary>
    public static async Task<Problem?> FoundProblemAsync(this SurveysDb db, ReplicaScope scope, Guid problemId, CancellationToken ct) =>
        await scope.FoundAsync(await db.Problems.FirstOrDefaultAsync(p => p.Id == problemId, ct), p => p.UnitId, ct);

    /// <summary>The county each unit lies in (null for one above every county).</summary>
    public static async Task<Dictionary<Guid, Guid?>> CountiesOfAsync(this SurveysDb db, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToArray();
        var parents = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var above = (await db.WithAncestorsAsync(ids, ct)).ToDictionary(u => u.Id);
        Guid? County(Guid id)
        {
            for (Guid? at = id; at is { } unit;)
            {
                if (!above.TryGetValue(unit, out var known))
                {
                    at = parents.GetValueOrDefault(unit);
                }
                else if (known.Level == UnitLevel.County)
                {
                    return known.Id;
                }
                else
                {
                    at = known.ParentId;
                }
            }

            return null;
        }

        return ids.ToDictionary(id => id, County);
    }

    /// <summary>The problem as one read shows it: with its notes and the steps of its rectification, oldest first.</summary>
    public static async Task<ProblemResponse> WithHistoryAsync(this SurveysDb db, Problem problem, CancellationToken ct) =>
        ProblemResponse.From(problem,
            await db.ProblemNotes.AsNoTracking().Where(n => n.ProblemId == problem.Id).OrderBy(n => n.WrittenAt).ThenBy(n => n.Id).ToListAsync(ct),
            // In the steps' order, which is the stage's, not its stored name's.
            (await db.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == problem.Id).ToListAsync(ct)).OrderBy(s => s.Stage).ToList());
}
