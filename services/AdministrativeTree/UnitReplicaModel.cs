using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;

namespace PartyPlatform.AdministrativeTree;

/// <summary>
/// A unit of the copy after an event changed it, its parent before the change, and whether the
/// change moved it in the tree (added, moved, retired, or of another kind or level): a rename does
/// not, and changes nothing that is counted over the tree.
/// </summary>
/// <param name="Merged">The change retired the unit (merged it away); a unit first seen retired was never in service here.</param>
public sealed record UnitReplicaChange(UnitReplica Unit, Guid? PreviousParentId, bool MovedInTree, bool Merged = false);

public static class UnitReplicaModel
{
    /// <summary>The units whose figures (counted over the tree) the changes can move: each moved unit, and its parent before the move.</summary>
    public static List<Guid> MovedUnits(this IEnumerable<UnitReplicaChange> changed) =>
        [.. changed.Where(c => c.MovedInTree).SelectMany(c => c.PreviousParentId is { } previous ? [c.Unit.Id, previous] : new[] { c.Unit.Id })];

    /// <summary>Adds the <c>unit_replicas</c> table to a service's model.</summary>
    public static ModelBuilder AddUnitReplicas(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new UnitReplicaConfiguration());

    /// <summary>The units, not retired, at or under any of <paramref name="roots"/>.</summary>
    public static IQueryable<UnitReplica> Subtrees(this IQueryable<UnitReplica> units, Guid[] roots) =>
        units.SubtreesWithRetired(roots).Where(u => !u.Retired);

    /// <summary>The units at or under any of <paramref name="roots"/>, retired ones included (a merged village stays under its township).</summary>
    public static IQueryable<UnitReplica> SubtreesWithRetired(this IQueryable<UnitReplica> units, Guid[] roots)
    {
        // Four levels (city, county, township, village): three hops up reach any ancestor.
        var subtree =
            from unit in units
            join parent in units on unit.ParentId equals parent.Id into parents
            from parent in parents.DefaultIfEmpty()
            join grandparent in units on parent.ParentId equals grandparent.Id into grandparents
            from grandparent in grandparents.DefaultIfEmpty()
            where roots.Contains(unit.Id) || roots.Contains(unit.ParentId!.Value)
                  || roots.Contains(parent.ParentId!.Value) || roots.Contains(grandparent.ParentId!.Value)
            select unit;
        return subtree;
    }

    /// <summary>
    /// Applies a batch of tree events to the copy and returns the units that changed, each with the
    /// parent it had before (a move changes two subtrees); the version check decides. Within the caller's
    /// transaction, after any other batch's (<see cref="TreeCopyLock"/>).
    /// </summary>
    public static async Task<IReadOnlyList<UnitReplicaChange>> ApplyUnitChangesAsync(
        this DbContext db, IReadOnlyList<AdministrativeUnitChanged> changes, CancellationToken ct)
    {
        await db.LockTreeCopyAsync(ct);
        var latest = changes.GroupBy(c => c.UnitId).Select(g => g.MaxBy(c => c.Version)!).ToList();
        var ids = latest.Select(c => c.UnitId).ToArray();
        var units = await db.Set<UnitReplica>().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var changed = new List<UnitReplicaChange>();
        foreach (var change in latest)
        {
            if (!units.TryGetValue(change.UnitId, out var unit))
            {
                unit = UnitReplica.From(change);
                db.Add(unit);
                changed.Add(new UnitReplicaChange(unit, null, MovedInTree: true));
                continue;
            }

            var before = (unit.ParentId, unit.Retired, unit.Kind, unit.Level);
            if (unit.Apply(change))
            {
                changed.Add(new UnitReplicaChange(
                    unit, before.ParentId, before != (unit.ParentId, unit.Retired, unit.Kind, unit.Level), Merged: !before.Retired && unit.Retired));
            }
        }

        return changed;
    }
}
