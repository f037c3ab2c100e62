using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Dashboard.Data;

namespace PartyPlatform.Dashboard.Tree;

public static class UnitAncestors
{
    /// <summary>
    /// The units above <paramref name="unit"/> that the caller may see, top first: from the caller's own unit (the city for
    /// the city's accounts) down to the unit's parent; none for the caller's own unit. A page opened on a deep link draws its
    /// breadcrumb from these. The unit must be in the caller's subtree (as <see cref="FiguresUnit.FiguresUnitAsync"/> found it).
    /// </summary>
    public static async Task<List<UnitReplica>> AncestorsInScopeAsync(this DashboardDb db, ReplicaScope scope, UnitReplica unit, CancellationToken ct)
    {
        var caller = await scope.CallerUnitAsync(ct);
        if (unit.ParentId is not { } parentId || unit.Id == caller)
        {
            return [];
        }

        // Three hops up reach the city from a village: one query on the primary key, as the stream's lookup does.
        var units = db.Units.AsNoTracking();
        var line = await (
                from parent in units
                join grandparent in units on parent.ParentId equals grandparent.Id into grandparents
                from grandparent in grandparents.DefaultIfEmpty()
                join greatGrandparent in units on grandparent.ParentId equals greatGrandparent.Id into greatGrandparents
                from greatGrandparent in greatGrandparents.DefaultIfEmpty()
                where parent.Id == parentId
                select new { parent, grandparent, greatGrandparent })
            .FirstOrDefaultAsync(ct);
        var above = line is null ? [] : new[] { line.greatGrandparent, line.grandparent, line.parent }.OfType<UnitReplica>().ToList();
        return caller is { } own ? [.. above.SkipWhile(u => u.Id != own)] : above;
    }
}
