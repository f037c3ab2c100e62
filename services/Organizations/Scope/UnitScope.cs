using Microsoft.EntityFrameworkCore;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.PartyOrganizations;
using PartyPlatform.Organizations.Units;
using PartyPlatform.Security;

namespace PartyPlatform.Organizations.Scope;

/// <summary>
/// The part of the tree the caller may see and change: everything for the city roles (and for the
/// service itself, e.g. loading the demo city), else the subtree of the caller's own unit.
/// The README's scope rule, in two methods: what an id in the path names goes through
/// <see cref="FoundAsync{T}"/> (outside the subtree it is not found: 404, reads and writes alike);
/// a unit the request body names goes through <see cref="EnsureBodyUnitAsync"/> (outside: 403).
/// </summary>
public sealed class UnitScope(OrganizationsDb db, IHttpContextAccessor http)
{
    // A prefix no path has: an account whose unit is not in the tree sees nothing.
    private const string Nothing = "\u0001";

    private string? subtree;
    private bool resolved;

    public async Task<IQueryable<AdministrativeUnit>> UnitsAsync(CancellationToken ct) =>
        await SubtreeAsync(ct) is { } path ? db.Units.Where(u => u.Path.StartsWith(path)) : db.Units;

    public async Task<IQueryable<PartyOrganization>> PartyOrganizationsAsync(CancellationToken ct) =>
        await SubtreeAsync(ct) is { } path ? db.PartyOrganizations.Where(o => o.UnitPath.StartsWith(path)) : db.PartyOrganizations;

    private async Task<bool> ContainsAsync(string unitPath, CancellationToken ct) =>
        await SubtreeAsync(ct) is not { } path || unitPath.StartsWith(path, StringComparison.Ordinal);

    /// <summary>The path of a unit, to filter by subtree; an unknown unit's matches no path, so its subtree is empty.</summary>
    public async Task<string> PathOfAsync(Guid unitId, CancellationToken ct) =>
        await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? Nothing;

    /// <summary>
    /// The existence rule, for what an id in the path names (to read or to change it):
    /// <paramref name="entity"/> if it exists and hangs in the caller's subtree, else null, and the
    /// handler answers 404 exactly as for an id that nothing has, so existence does not leak.
    /// </summary>
    public async Task<T?> FoundAsync<T>(T? entity, Func<T, string> pathOf, CancellationToken ct) where T : class =>
        entity is not null && await ContainsAsync(pathOf(entity), ct) ? entity : null;

    /// <summary>
    /// For a unit the request body names (a parent, a successor, an import row): throws
    /// <see cref="OutsideScopeException"/> (403) unless it hangs in the caller's subtree.
    /// </summary>
    public async Task EnsureBodyUnitAsync(string unitPath, string what, CancellationToken ct)
    {
        if (!await ContainsAsync(unitPath, ct))
        {
            throw new OutsideScopeException($"{what} is outside your administrative unit.");
        }
    }

    /// <summary>Only city-wide callers add a new root (a city).</summary>
    public void EnsureCityWide(string what)
    {
        if (http.HttpContext is { } context && !CallerScope.Of(context.User).CityWide)
        {
            throw new OutsideScopeException($"{what} is for the city's own accounts.");
        }
    }

    /// <returns>The caller's subtree path prefix, or null for the whole city.</returns>
    private async Task<string?> SubtreeAsync(CancellationToken ct)
    {
        if (resolved)
        {
            return subtree;
        }

        resolved = true;
        if (http.HttpContext is not { } context)
        {
            return subtree = null;
        }

        var caller = CallerScope.Of(context.User);
        if (caller.CityWide)
        {
            return subtree = null;
        }

        subtree = caller.UnitCode is { } code
            ? await db.Units.Where(u => u.Code == code).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? Nothing
            : Nothing;
        return subtree;
    }
}
