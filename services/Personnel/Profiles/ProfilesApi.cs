using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Profiles;

public static class ProfilesApi
{
    public static RouteGroupBuilder MapProfilesApi(this IEndpointRouteBuilder routes)
    {
        var profiles = routes.MapGroup("/api/personnel/village-secretary-profiles")
            .WithTag("Village secretary profiles", "Village Party secretaries per township, county and city: age bands, education, sources and the 一肩挑 ratio, as published to the Dashboard.");

        profiles.MapGet("/{unitId:guid}", Get).WithName("GetVillageSecretaryProfile")
            .WithSummary("The profile of a township, county or the city in the caller's unit");
        profiles.MapGet("/", List).WithName("ListVillageSecretaryProfiles")
            .WithSummary("The profiles of the units right under one (the counties of the city, the townships of a county), or of one level in the caller's unit (counties unless asked), by code, paged");
        return profiles;
    }

    private static async Task<Results<Ok<ProfileResponse>, NotFound>> Get(
        Guid unitId, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, IOptions<ProfileOptions> options, CancellationToken ct)
    {
        var unit = await (await scope.UnitsAsync(ct)).FirstOrDefaultAsync(u => u.Id == unitId && u.Level != UnitLevel.Village, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var snapshot = await db.ProfileSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.UnitId == unitId, ct)
                       ?? (await UnpublishedAsync(db, [unit], time, ct))[unit.Id];
        return TypedResults.Ok(ProfileResponse.From(snapshot, calendar.Today.Year, options.Value.AgeBands));
    }

    private static async Task<Results<Ok<Page<ProfileResponse>>, NotFound>> List(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time,
        IOptions<ProfileOptions> options, CancellationToken ct, UnitLevel level = UnitLevel.County)
    {
        var units = await scope.UnitsAsync(ct);
        if (unitId is { } id && !await units.AnyAsync(u => u.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (level == UnitLevel.Village)
        {
            throw new RuleViolationException("level", "Profiles are counted for townships, counties and the city, not for villages.");
        }

        var listed = unitId is { } parent
            ? db.Units.Where(u => u.ParentId == parent && !u.Retired && u.Level != UnitLevel.Village)
            : units.Where(u => u.Level == level);
        var children =
            from unit in listed
            join held in db.ProfileSnapshots on unit.Id equals held.UnitId into snapshots
            from snapshot in snapshots.DefaultIfEmpty()
            select new { unit, snapshot };
        var request = new PageRequest(page, pageSize);
        var items = await children.OrderBy(c => c.unit.Code).ThenBy(c => c.unit.Id).Skip(request.Skip).Take(request.Size).AsNoTracking().ToListAsync(ct);
        var counted = await UnpublishedAsync(db, [.. items.Where(c => c.snapshot is null).Select(c => c.unit)], time, ct);
        var year = calendar.Today.Year;
        return TypedResults.Ok(new Page<ProfileResponse>(
            items.ConvertAll(c => ProfileResponse.From(c.snapshot ?? counted[c.unit.Id], year, options.Value.AgeBands)),
            request.Number, request.Size, await children.CountAsync(ct)));
    }

    /// <summary>Units nothing has published a profile for yet (no term counted under them since the tree arrived) are counted now.</summary>
    private static async Task<Dictionary<Guid, ProfileSnapshot>> UnpublishedAsync(
        PersonnelDb db, IReadOnlyCollection<UnitReplica> units, TimeProvider time, CancellationToken ct) =>
        units.Count == 0
            ? []
            : (await SecretaryProfile.ForAsync(db, units, ct)).ToDictionary(p => p.Unit.Id, p => ProfileSnapshot.Unpublished(p, time.GetUtcNow()));
}
