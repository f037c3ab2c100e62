using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Security;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Tree;

public sealed record UnitReplicaResponse(Guid Id, string Name, UnitKind Kind, string? Code, Guid? ParentId, bool Retired, long Version);

/// <summary>One county's row of the tree figures: how many townships, villages and communities it has now.</summary>
public sealed record CountyTreeFigures(Guid CountyId, string County, string? Code, int Townships, int Villages, int Communities);

public static class TreeApi
{
    public static RouteGroupBuilder MapTreeApi(this IEndpointRouteBuilder routes)
    {
        var tree = routes.MapGroup("/api/dashboard/tree")
            .WithTag("Administrative tree", "The dashboard's copy of the administrative tree, kept from Organizations' events.");

        tree.MapGet("/counties", CountyFigures).WithName("ListCountyTreeFigures").WithSummary("Townships, villages and communities per county-level unit");
        tree.MapGet("/units/{id:guid}", GetUnit).WithName("GetTreeUnit").WithSummary("The dashboard's copy of one unit, as last applied from events");

        return tree;
    }

    /// <summary>The city roles see every county; a county's callers see their own row; nobody else sees any.</summary>
    private static async Task<Ok<List<CountyTreeFigures>>> CountyFigures(DashboardDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = CallerScope.Of(user);
        var active = db.Units.Where(u => !u.Retired);
        var counties = await active.Where(u => u.Level == UnitLevel.County)
            .Where(u => caller.CityWide || u.Code == caller.UnitCode)
            .OrderBy(u => u.Code).ThenBy(u => u.Id).ToListAsync(ct);
        var townships = await active.Where(u => u.Level == UnitLevel.Township)
            .GroupBy(u => u.ParentId).Select(g => new { CountyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var villages = await (
                from village in active.Where(u => u.Level == UnitLevel.Village)
                join township in active on village.ParentId equals township.Id
                group village by new { township.ParentId, village.Kind } into g
                select new { CountyId = g.Key.ParentId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);

        return TypedResults.Ok(counties.ConvertAll(county => new CountyTreeFigures(
            county.Id,
            county.Name,
            county.Code,
            townships.Where(t => t.CountyId == county.Id).Sum(t => t.Count),
            villages.Where(v => v.CountyId == county.Id && v.Kind == UnitKind.Village).Sum(v => v.Count),
            villages.Where(v => v.CountyId == county.Id && v.Kind == UnitKind.Community).Sum(v => v.Count))));
    }

    private static async Task<Results<Ok<UnitReplicaResponse>, NotFound>> GetUnit(Guid id, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var unit = await scope.FoundAsync(await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct), u => u.Id, ct);
        return unit is not null
            ? TypedResults.Ok(new UnitReplicaResponse(unit.Id, unit.Name, unit.Kind, unit.Code, unit.ParentId, unit.Retired, unit.Version))
            : TypedResults.NotFound();
    }
}
