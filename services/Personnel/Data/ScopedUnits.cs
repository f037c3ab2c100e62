using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;

namespace PartyPlatform.Personnel.Data;

public static class ScopedUnits
{
    /// <summary>
    /// The units a list covers: the caller's subtree, or the subtree of <paramref name="unitId"/> within it;
    /// null when <paramref name="unitId"/> is outside it or names nothing, which the list answers with 404.
    /// </summary>
    public static async Task<IQueryable<UnitReplica>?> UnitsWithinAsync(this ReplicaScope scope, Guid? unitId, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(ct);
        if (unitId is not { } id)
        {
            return units;
        }

        return await units.AnyAsync(u => u.Id == id, ct) ? scope.Within(id) : null;
    }
}
