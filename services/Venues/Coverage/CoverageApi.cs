using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Venues.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Coverage;

/// <param name="BaselineVerified">Whether the county (every county, for a city) has verified its baseline (核实底子): until then the figures are provisional.</param>
public sealed record CoverageResponse(
    Guid UnitId, string Name, string? Code, UnitLevel Level, int Villages, int VillagesWithVenue, int VillagesWithoutVenue,
    decimal CoveragePercent, int DaysToDeadline, bool BaselineVerified)
{
    public static CoverageResponse From(CoverageFigures f, int daysToDeadline, bool baselineVerified) => new(
        f.UnitId, f.Name, f.Code, f.Level, f.Villages, f.VillagesWithVenue, f.VillagesWithoutVenue, f.CoveragePercent, daysToDeadline, baselineVerified);
}

public sealed record VillageWithoutVenue(Guid VillageId, string Name, string? Code, Guid? TownshipId);

public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverageApi(this IEndpointRouteBuilder routes)
    {
        var coverage = routes.MapGroup("/api/venues/coverage")
            .WithTag("Coverage", "Villages with a venue per township, county and city, the days to the deadline, and the villages still without one.");

        coverage.MapGet("/", List)
            .WithName("ListCoverage").WithSummary("Coverage of the units of a level (City, County or Township) in the caller's unit, optionally under one parent, paged by code")
            .WithDescription("A village has a venue when its baseline says it had a usable one or its venue passed acceptance (验收). A unit without villages counts as covered.");
        coverage.MapGet("/{unitId:guid}", Get).WithName("GetCoverage").WithSummary("Coverage of one township, county or city");
        coverage.MapGet("/{unitId:guid}/villages-without-venue", WithoutVenue).WithName("ListVillagesWithoutVenue").WithSummary("The 清零 countdown: villages still without a venue, paged");

        return coverage;
    }

    private static async Task<Ok<Page<CoverageResponse>>> List(
        UnitLevel? level, Guid? parentId, int? page, int? pageSize, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var request = new PageRequest(page, pageSize);
        var units = (await scope.UnitsAsync(ct)).Where(u => u.Level == (level ?? UnitLevel.County));
        if (parentId is { } parent)
        {
            units = units.Where(u => u.ParentId == parent);
        }

        var shown = await units.AsNoTracking().OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<CoverageResponse>(await ResponsesAsync(shown, db, time, ct), request.Number, request.Size, await units.CountAsync(ct)));
    }

    private static async Task<Results<Ok<CoverageResponse>, NotFound>> Get(Guid unitId, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var unit = await (await scope.UnitsAsync(ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.Level != UnitLevel.Village, ct);
        return unit is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await ResponsesAsync([unit], db, time, ct)).Single());
    }

    private static async Task<Results<Ok<Page<VillageWithoutVenue>>, NotFound>> WithoutVenue(
        Guid unitId, int? page, int? pageSize, ReplicaScope scope, VenuesDb db, CancellationToken ct)
    {
        if (!await (await scope.UnitsAsync(ct)).AnyAsync(u => u.Id == unitId && u.Level != UnitLevel.Village, ct))
        {
            return TypedResults.NotFound();
        }

        var request = new PageRequest(page, pageSize);
        var without = VillageCoverage.Of(db, scope.Within(unitId).Where(u => u.Kind == UnitKind.Village)).Where(v => !v.HasVenue);
        var items = await without.OrderBy(v => v.Code).ThenBy(v => v.VillageId).Skip(request.Skip).Take(request.Size)
            .Select(v => new VillageWithoutVenue(v.VillageId, v.Name, v.Code, v.TownshipId))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<VillageWithoutVenue>(items, request.Number, request.Size, await without.CountAsync(ct)));
    }

    private static async Task<List<CoverageResponse>> ResponsesAsync(List<UnitReplica> units, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var daysLeft = (await db.CampaignTermsAsync(ct)).DaysLeft(time);
        var verified = (await db.BaselineVerifications.Select(v => v.CountyId).ToListAsync(ct)).ToHashSet();
        var counties = await db.Units.Where(u => u.Level == UnitLevel.County && !u.Retired).Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        return (await CoverageFigures.ForAsync(db, units, ct)).ConvertAll(f => CoverageResponse.From(f, daysLeft, byId[f.UnitId] switch
        {
            { Level: UnitLevel.County } county => verified.Contains(county.Id),
            { Level: UnitLevel.Township, ParentId: { } county } => verified.Contains(county),
            var city => counties.Where(c => c.ParentId == city.Id).All(c => verified.Contains(c.Id)),
        }));
    }
}
