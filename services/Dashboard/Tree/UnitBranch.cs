using PartyPlatform.Dashboard.Data;

namespace PartyPlatform.Dashboard.Tree;

/// <summary>
/// A unit of a subtree and the branch it counts under: the unit one level below the subtree's root that it is
/// in, or the root itself for what hangs on the root. Grouping facts by branch gives the root's figures and each
/// child's in one query.
/// </summary>
public sealed class UnitBranch
{
    public Guid UnitId { get; init; }

    public Guid BranchId { get; init; }
}

public static class UnitBranches
{
    /// <summary>
    /// Every unit, not retired, at or under <paramref name="root"/>, with its branch. The copy keeps only each unit's parent;
    /// four levels (city, county, township, village) mean three hops up reach the root from anywhere, as in <c>Subtrees</c>.
    /// </summary>
    public static IQueryable<UnitBranch> BranchesUnder(this DashboardDb db, Guid root) =>
        from unit in db.Units
        join parent in db.Units on unit.ParentId equals parent.Id into parents
        from parent in parents.DefaultIfEmpty()
        join grandparent in db.Units on parent.ParentId equals grandparent.Id into grandparents
        from grandparent in grandparents.DefaultIfEmpty()
        where !unit.Retired
              && (unit.Id == root || unit.ParentId == root || parent.ParentId == root || grandparent.ParentId == root)
        select new UnitBranch
        {
            UnitId = unit.Id,
            BranchId = unit.Id == root || unit.ParentId == root ? unit.Id : parent.ParentId == root ? parent.Id : grandparent.Id,
        };
}
