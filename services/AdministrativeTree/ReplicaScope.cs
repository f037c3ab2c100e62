using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Security;

namespace PartyPlatform.AdministrativeTree;

/// <summary>
/// The caller's part of a service's copy of the tree: everything for the city roles (and for the
/// service's own background work), else the subtree of the unit whose code the token carries.
/// The README's scope rule, in two methods: what an id in the path names goes through
/// <see cref="FoundAsync{T}"/> (outside the subtree it is not found: 404, reads and writes alike);
/// a unit the request body names goes through <see cref="EnsureBodyUnitAsync"/> (outside: 403).
/// </summary>
public sealed class ReplicaScope(DbContext db, IHttpContextAccessor http)
{
    private bool resolved;
    private Guid? root;

    private IQueryable<UnitReplica> Units => db.Set<UnitReplica>();

    private IQueryable<PartyOrganizationReplica> Organizations => db.Set<PartyOrganizationReplica>();

    /// <summary>Units of the tree that are not retired, in the caller's subtree.</summary>
    public async Task<IQueryable<UnitReplica>> UnitsAsync(CancellationToken ct) =>
        await RootAsync(ct) is { } unit ? Within(unit) : Units.Where(u => !u.Retired);

    /// <summary>The rural villages (not urban communities) in the caller's subtree.</summary>
    public async Task<IQueryable<UnitReplica>> VillagesAsync(CancellationToken ct) =>
        (await UnitsAsync(ct)).Where(u => u.Kind == UnitKind.Village);

    /// <summary>The rural villages in the caller's subtree, narrowed to a county and/or a township when given.</summary>
    public async Task<IQueryable<UnitReplica>> VillagesWithinAsync(Guid? countyId, Guid? townshipId, CancellationToken ct)
    {
        var villages = await VillagesAsync(ct);
        foreach (var unitId in new[] { countyId, townshipId }.OfType<Guid>())
        {
            var subtree = Within(unitId).Select(u => u.Id);
            villages = villages.Where(v => subtree.Contains(v.Id));
        }

        return villages;
    }

    /// <summary>
    /// For a list narrowed to one unit: the caller's units, or the subtree of <paramref name="unitId"/>
    /// when given; null when that unit is not the caller's, and the handler answers 404.
    /// </summary>
    public async Task<IQueryable<UnitReplica>?> UnitsUnderAsync(Guid? unitId, CancellationToken ct)
    {
        var units = await UnitsAsync(ct);
        if (unitId is not { } id)
        {
            return units;
        }

        return await units.AnyAsync(u => u.Id == id, ct) ? Within(id) : null;
    }

    /// <summary>The caller's unit; null for the whole city.</summary>
    public Task<Guid?> CallerUnitAsync(CancellationToken ct) => RootAsync(ct);

    /// <summary>
    /// The units above the caller's (a township's county, and the city): what covers the caller without being
    /// in its subtree, such as a campaign of the city. None for the whole city.
    /// </summary>
    public async Task<Guid[]> UnitsAboveAsync(CancellationToken ct) =>
        await RootAsync(ct) is { } unit ? [.. (await db.WithAncestorsAsync([unit], ct)).Select(u => u.Id).Where(id => id != unit)] : [];

    /// <summary>The subtree of <paramref name="unitId"/>, for figures per township or county.</summary>
    public IQueryable<UnitReplica> Within(Guid unitId) => Units.Subtrees([unitId]);

    /// <summary>The Party organisations, not retired, on the caller's units (needs <see cref="PartyOrganizationReplicaModel.AddPartyOrganizationReplicas"/>).</summary>
    public async Task<IQueryable<PartyOrganizationReplica>> PartyOrganizationsAsync(CancellationToken ct) =>
        await RootAsync(ct) is { } unit ? On(Within(unit)) : Organizations.Where(o => !o.Retired);

    /// <summary>
    /// For a list or a scope narrowed to one unit: the caller's Party organisations, or those at or under
    /// <paramref name="unitId"/> when given; null when that unit is not the caller's, and the handler answers 404.
    /// </summary>
    public async Task<IQueryable<PartyOrganizationReplica>?> PartyOrganizationsUnderAsync(Guid? unitId, CancellationToken ct) =>
        await UnitsUnderAsync(unitId, ct) is { } units ? On(units) : null;

    /// <summary>
    /// The existence rule for a Party organisation an id names: it, retired or not, when it hangs on a unit of the
    /// caller's subtree (a merged village's organisation stays where it was), else null and the handler answers 404.
    /// </summary>
    public Task<PartyOrganizationReplica?> FoundPartyOrganizationAsync(Guid id, CancellationToken ct) =>
        FoundPartyOrganizationAsync(o => o.Id == id, ct);

    /// <summary>The same by the code a county's file cites.</summary>
    public Task<PartyOrganizationReplica?> FoundPartyOrganizationByCodeAsync(string code, CancellationToken ct) =>
        FoundPartyOrganizationAsync(o => o.Code == code, ct);

    /// <summary>
    /// The existence rule, for what an id in the path names (to read or to change it):
    /// <paramref name="entity"/> if it exists and belongs to a unit in the caller's subtree, else null,
    /// and the handler answers 404 exactly as for an id that nothing has, so existence does not leak.
    /// </summary>
    public async Task<T?> FoundAsync<T>(T? entity, Func<T, Guid> unitOf, CancellationToken ct) where T : class =>
        entity is not null && await ContainsAsync(unitOf(entity), ct) ? entity : null;

    /// <summary>
    /// For a unit the request body names (a village to plan a venue for): throws
    /// <see cref="OutsideScopeException"/> (403) unless it is in the caller's subtree.
    /// </summary>
    public async Task EnsureBodyUnitAsync(Guid unitId, string what, CancellationToken ct)
    {
        if (!await ContainsAsync(unitId, ct))
        {
            throw new OutsideScopeException($"{what} is outside your administrative unit.");
        }
    }

    /// <summary>The same for the many units a body names (a batch), in one query: names the first one outside.</summary>
    public async Task EnsureBodyUnitsAsync(IReadOnlyCollection<Guid> unitIds, Func<Guid, string> what, CancellationToken ct)
    {
        if (await RootAsync(ct) is not { } unit)
        {
            return;
        }

        var ids = unitIds.Distinct().ToArray();
        var inside = await Within(unit).Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (ids.Except(inside).FirstOrDefault() is var outside && outside != Guid.Empty)
        {
            throw new OutsideScopeException($"{what(outside)} is outside your administrative unit.");
        }
    }

    /// <summary>Throws <see cref="OutsideScopeException"/> unless the caller acts for the whole city.</summary>
    public void EnsureCityWide(string what)
    {
        if (http.HttpContext is { } context && !CallerScope.Of(context.User).CityWide)
        {
            throw new OutsideScopeException($"{what} is for the city's own accounts.");
        }
    }

    /// <summary>
    /// Throws <see cref="OutsideScopeException"/> with <paramref name="refusal"/> unless the caller acts at <paramref name="level"/>
    /// or above it: a step that is a county's to take is the county's or the city's, never a township's.
    /// </summary>
    public async Task EnsureActsAtAsync(UnitLevel level, string refusal, CancellationToken ct)
    {
        if (await RootAsync(ct) is { } unit
            && await Units.Where(u => u.Id == unit).Select(u => (UnitLevel?)u.Level).FirstOrDefaultAsync(ct) is { } callerLevel
            && callerLevel > level)
        {
            throw new OutsideScopeException(refusal);
        }
    }

    private IQueryable<PartyOrganizationReplica> On(IQueryable<UnitReplica> units)
    {
        var unitIds = units.Select(u => u.Id);
        return Organizations.Where(o => !o.Retired && unitIds.Contains(o.UnitId));
    }

    private async Task<PartyOrganizationReplica?> FoundPartyOrganizationAsync(Expression<Func<PartyOrganizationReplica, bool>> which, CancellationToken ct)
    {
        var organization = await Organizations.FirstOrDefaultAsync(which, ct);
        if (organization is null || await RootAsync(ct) is not { } unit)
        {
            return organization;
        }

        return await Units.SubtreesWithRetired([unit]).AnyAsync(u => u.Id == organization.UnitId, ct) ? organization : null;
    }

    private async Task<bool> ContainsAsync(Guid unitId, CancellationToken ct) =>
        await RootAsync(ct) is not { } unit || await Within(unit).AnyAsync(u => u.Id == unitId, ct);

    /// <returns>The caller's unit, null for the whole city, or an id no unit has for an account whose unit is unknown.</returns>
    private async Task<Guid?> RootAsync(CancellationToken ct)
    {
        if (resolved)
        {
            return root;
        }

        resolved = true;
        if (http.HttpContext is not { } context || CallerScope.Of(context.User) is { CityWide: true })
        {
            return root = null;
        }

        var code = CallerScope.Of(context.User).UnitCode;
        var unitId = code is null ? null : await Units.Where(u => u.Code == code && !u.Retired).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return root = unitId ?? Guid.Empty;
    }
}
