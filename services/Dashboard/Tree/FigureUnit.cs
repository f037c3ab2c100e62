using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;

namespace PartyPlatform.Dashboard.Tree;

public static class FigureUnit
{
    /// <summary>
    /// The unit a figure is asked for: the one named, else the caller's, else the city. Null when the
    /// named unit is missing or outside the caller's unit, and the handler answers 404.
    /// </summary>
    public static async Task<UnitReplica?> FigureUnitAsync(this ReplicaScope scope, DashboardDb db, Guid? unitId, CancellationToken ct)
    {
        var target = unitId ?? await scope.CallerUnitAsync(ct)
            ?? await db.Units.Where(u => u.Level == UnitLevel.City && !u.Retired).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (target is null || await scope.UnitsUnderAsync(target, ct) is null)
        {
            return null;
        }

        return await db.Units.AsNoTracking().FirstAsync(u => u.Id == target, ct);
    }
}
