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

    public bool Retired { get; init; }
}

public static class UnitBranches
{
    /// <summary>
    /// Every unit, not retired, at or under <paramref name="root"/>, with its branch. The copy keeps only each unit's parent:
    /// four levels (city, county, township, village) are walked down from the root, one level per part, each on the parent index,
    /// so a small subtree costs little and the city's no more than one pass over the tree.
    /// </summary>
    public static IQueryable<UnitBranch> BranchesUnder(this DashboardDb db, Guid root)
    {
        var units = db.Units;
        var itself = units.Where(u => u.Id == root).Select(u => new UnitBranch { UnitId = u.Id, BranchId = u.Id, Retired = u.Retired });
        var children = units.Where(u => u.ParentId == root).Select(u => new UnitBranch { UnitId = u.Id, BranchId = u.Id, Retired = u.Retired });
        var grandchildren =
            from child in units
            join unit in units on child.Id equals unit.ParentId
            where child.ParentId == root
            select new UnitBranch { UnitId = unit.Id, BranchId = child.Id, Retired = unit.Retired };
        var greatGrandchildren =
            from child in units
            join grandchild in units on child.Id equals grandchild.ParentId
            join unit in units on grandchild.Id equals unit.ParentId
            where child.ParentId == root
            select new UnitBranch { UnitId = unit.Id, BranchId = child.Id, Retired = unit.Retired };
        return itself.Concat(children).Concat(grandchildren).Concat(greatGrandchildren).Where(b => !b.Retired);
    }
}
