using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.WatchList;

public static class WatchListApi
{
    public static RouteGroupBuilder MapWatchListApi(this IEndpointRouteBuilder routes)
    {
        var watchList = routes.MapGroup("/api/personnel/watch-list")
            .WithTag("WatchList", "Villages watched before the next village election (村两委换届): no suitable candidate, backward, complex or unstable, each entry with its reason and source; clearing keeps the entry.");

        watchList.MapGet("/", List).WithName("ListWatchList")
            .WithSummary("Watch-list entries in the caller's unit (or one unit of it), by kind, source and open or cleared, paged");
        watchList.MapGet("/{id:guid}", Get).WithName("GetWatchListEntry").WithSummary("One watch-list entry");
        watchList.MapPost("/", Flag).RequireAuthorization(PlatformPolicies.Write)
            .WithName("FlagVillage").WithSummary("Put a village on the watch list by hand, with the reason")
            .WithDescription("The unit must be a village or community in service. A village has at most one open entry per kind and source (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        watchList.MapPost("/{id:guid}/clear", Clear).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ClearWatchListEntry").WithSummary("Take a village off the watch list today, with the reason; the entry is kept")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return watchList;
    }

    private static async Task<Results<Ok<Page<WatchListEntryResponse>>, NotFound>> List(
        Guid? unitId, WatchListKind? kind, WatchListSource? source, bool? open, int? page, int? pageSize,
        ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var entries = db.WatchList.AsNoTracking().Where(e => units.Any(u => u.Id == e.UnitId));
        if (kind is { } k)
        {
            entries = entries.Where(e => e.Kind == k);
        }

        if (source is { } s)
        {
            entries = entries.Where(e => e.Source == s);
        }

        if (open is { } o)
        {
            entries = entries.Where(e => (e.ClearedOn == null) == o);
        }

        var request = new PageRequest(page, pageSize);
        var items = await entries.OrderByDescending(e => e.FlaggedOn).ThenBy(e => e.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<WatchListEntryResponse>(items.ConvertAll(WatchListEntryResponse.From), request.Number, request.Size, await entries.CountAsync(ct)));
    }

    private static async Task<Results<Ok<WatchListEntryResponse>, NotFound>> Get(Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.WatchList.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct), e => e.UnitId, ct) is { } entry
            ? TypedResults.Ok(WatchListEntryResponse.From(entry))
            : TypedResults.NotFound();

    private static async Task<Created<WatchListEntryResponse>> Flag(
        FlagVillageRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UnitId && !u.Retired, ct)
                   ?? throw new RuleViolationException("unitId", $"{request.UnitId} is not a unit of the tree in service.");
        await scope.EnsureBodyUnitAsync(unit.Id, $"Unit '{unit.Name}'", ct);
        if (unit.Level != UnitLevel.Village)
        {
            throw new RuleViolationException("unitId", $"The watch list is of villages and communities; '{unit.Name}' is a {unit.Level.ToString().ToLowerInvariant()}.");
        }

        var kind = request.Kind!.Value;
        // The unique index decides between two flags at once; this check gives the usual case its message.
        if (await db.WatchList.AnyAsync(e => e.UnitId == unit.Id && e.Kind == kind && e.Source == WatchListSource.Hand && e.ClearedOn == null, ct))
        {
            throw new ConflictException($"'{unit.Name}' is on the watch list as {kind} by hand already: clear that entry first.");
        }

        var entry = WatchListEntry.FlagByHand(unit.Id, kind, request.Reason!.Trim(), calendar.Today);
        db.WatchList.Add(entry);
        db.PublishOnCommit(entry.ToEvent(time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/personnel/watch-list/{entry.Id}", WatchListEntryResponse.From(entry));
    }

    private static async Task<Results<Ok<WatchListEntryResponse>, NotFound>> Clear(
        Guid id, ClearWatchListEntryRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var entry = await scope.FoundAsync(await db.WatchList.FirstOrDefaultAsync(e => e.Id == id, ct), e => e.UnitId, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        entry.Clear(request.Reason!.Trim(), calendar.Today);
        db.PublishOnCommit(entry.ToEvent(time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WatchListEntryResponse.From(entry));
    }
}
