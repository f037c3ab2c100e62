using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;

namespace PartyPlatform.Dashboard.Tree;

public static class FiguresUnit
{
    /// <summary>
    /// The unit a figures request is about: the one named, else the caller's, else the city; null (404) when the
    /// one named is missing or outside the caller's subtree, as for an id nothing has.
    /// </summary>
    public static async Task<UnitReplica?> FiguresUnitAsync(this DashboardDb db, ReplicaScope scope, Guid? unitId, CancellationToken ct)
    {
        var target = unitId ?? await scope.CallerUnitAsync(ct) ?? await db.CityIdAsync(ct);
        if (target is null || await scope.UnitsUnderAsync(target, ct) is null)
        {
            return null;
        }

        return await db.Units.AsNoTracking().FirstAsync(u => u.Id == target, ct);
    }

    public static Task<Guid?> CityIdAsync(this DashboardDb db, CancellationToken ct) =>
        // By code: the same city every time should a tree ever hold more than one (the end-to-end tests' trees do).
        db.Units.Where(u => u.Level == UnitLevel.City && !u.Retired).OrderBy(u => u.Code).ThenBy(u => u.Id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>The units one level below <paramref name="unit"/>, not retired.</summary>
    public static IQueryable<UnitReplica> ChildrenOf(this DashboardDb db, Guid unit) =>
        db.Units.AsNoTracking().Where(u => u.ParentId == unit && !u.Retired);
}
