using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;
using PartyPlatform.OpenApi;
using PartyPlatform.Organizations.Scope;
using PartyPlatform.Security;

namespace PartyPlatform.Organizations.Units;

public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder routes)
    {
        var units = routes.MapGroup("/api/organizations/units")
            .WithTag("Administrative units", "The administrative tree: city, counties, townships, villages and communities, with their division codes and every version.");

        units.MapGet("/", ListUnits).WithName("ListUnits").WithSummary("Units by level, kind, parent, subtree, code or name, paged");
        units.MapGet("/summary", CountByKind).WithName("CountUnitsByKind").WithSummary("Active units counted by level and kind");
        units.MapGet("/{id:guid}", GetUnit).WithName("GetUnit").WithSummary("One unit");
        units.MapGet("/{id:guid}/history", GetHistory).WithName("GetUnitHistory").WithSummary("Every version of the unit, oldest first");
        units.MapPost("/", CreateUnit).RequireAuthorization(PlatformPolicies.Write)
            .WithName("CreateUnit").WithSummary("Create a unit under a parent (or the city, without one)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPut("/{id:guid}/name", RenameUnit).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RenameUnit").WithSummary("Rename a unit")
            .ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPost("/{id:guid}/merge", MergeUnit).RequireAuthorization(PlatformPolicies.Write)
            .WithName("MergeUnit").WithSummary("Retire the unit into a successor of the same level (撤并)")
            .WithDescription("Active child units move to the successor. The unit's own village or community Party organisation is retired with it; other Party organisations on it move to the successor.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        // A path of its own: under units/ a code would be ambiguous with units/{id}/... for a client generator.
        routes.MapGet("/api/organizations/unit-codes/{code}", GetUnitByCode).WithTags("Administrative units")
            .WithName("GetUnitByCode").WithSummary("One unit by its 12-digit division code");

        return units;
    }

    private static async Task<Ok<Page<UnitResponse>>> ListUnits([AsParameters] UnitQuery query, UnitScope scope, CancellationToken ct)
    {
        var units = (await scope.UnitsAsync(ct)).AsNoTracking();
        if (query.IncludeRetired != true)
        {
            units = units.Where(u => !u.Retired);
        }

        if (query.Level is { } level)
        {
            units = units.Where(u => u.Level == level);
        }

        if (query.Kind is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        if (query.ParentId is { } parentId)
        {
            units = units.Where(u => u.ParentId == parentId);
        }

        if (query.AncestorId is { } ancestorId)
        {
            var path = await scope.PathOfAsync(ancestorId, ct);
            units = units.Where(u => u.Path.StartsWith(path) && u.Id != ancestorId);
        }

        if (!string.IsNullOrWhiteSpace(query.Code))
        {
            units = units.Where(u => u.Code != null && u.Code.StartsWith(query.Code));
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            units = units.Where(u => u.Name.Contains(query.Name));
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await units.CountAsync(ct);
        var items = await units.OrderBy(u => u.Level).ThenBy(u => u.Code).ThenBy(u => u.Name)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<UnitResponse>(items.ConvertAll(UnitResponse.From), page.Number, page.Size, total));
    }

    private static async Task<Ok<List<LevelCount>>> CountByKind(Guid? ancestorId, UnitScope scope, CancellationToken ct)
    {
        var units = (await scope.UnitsAsync(ct)).Where(u => !u.Retired);
        if (ancestorId is { } id)
        {
            var path = await scope.PathOfAsync(id, ct);
            units = units.Where(u => u.Path.StartsWith(path) && u.Id != id);
        }

        var counts = await units.GroupBy(u => new { u.Level, u.Kind })
            .Select(g => new { g.Key.Level, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return TypedResults.Ok(counts
            .OrderBy(c => c.Level).ThenBy(c => c.Kind)
            .Select(c => new LevelCount(c.Level, c.Kind, UnitKinds.DisplayName(c.Kind), c.Count))
            .ToList());
    }

    private static async Task<Results<Ok<UnitResponse>, NotFound>> GetUnit(Guid id, UnitScope scope, CancellationToken ct) =>
        await (await scope.UnitsAsync(ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } unit
            ? TypedResults.Ok(UnitResponse.From(unit))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<UnitResponse>, NotFound>> GetUnitByCode(string code, UnitScope scope, CancellationToken ct) =>
        await (await scope.UnitsAsync(ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct) is { } unit
            ? TypedResults.Ok(UnitResponse.From(unit))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<UnitHistoryResponse>>, NotFound>> GetHistory(
        Guid id, OrganizationsDb db, UnitScope scope, CancellationToken ct)
    {
        if (!await (await scope.UnitsAsync(ct)).AnyAsync(u => u.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var history = await db.UnitHistory.AsNoTracking().Where(h => h.UnitId == id).OrderBy(h => h.Version)
            .Select(h => new UnitHistoryResponse(h.Version, h.Change, h.Name, h.ParentId, h.Retired, h.SuccessorId, h.ChangedAt))
            .ToListAsync(ct);
        return history.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(history);
    }

    private static async Task<Created<UnitResponse>> CreateUnit(
        CreateUnitRequest request, OrganizationsDb db, UnitScope scope, TimeProvider time, CancellationToken ct)
    {
        var parent = request.ParentId is { } parentId
            ? await db.Units.FirstOrDefaultAsync(u => u.Id == parentId, ct)
              ?? throw new RuleViolationException("parentId", $"No unit has id {parentId}.")
            : null;
        if (parent is null)
        {
            scope.EnsureCityWide("A unit without a parent");
        }
        else
        {
            await scope.EnsureBodyUnitAsync(parent.Path, $"The parent '{parent.Name}'", ct);
        }

        if (request.Code is { Length: > 0 } code && await db.Units.AnyAsync(u => u.Code == code, ct))
        {
            throw new ConflictException($"A unit with code {code} already exists.");
        }

        var unit = AdministrativeUnit.Create(request.Name, request.Kind!.Value, request.Code, parent, time.GetUtcNow());
        db.Units.Add(unit);
        db.PublishOnCommit(unit.ToEvent(UnitChange.Created));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organizations/units/{unit.Id}", UnitResponse.From(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, NotFound>> RenameUnit(
        Guid id, RenameUnitRequest request, OrganizationsDb db, UnitScope scope, TimeProvider time, CancellationToken ct)
    {
        var unit = await scope.FoundAsync(await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct), u => u.Path, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        if (unit.Rename(request.Name, time.GetUtcNow()))
        {
            db.PublishOnCommit(unit.ToEvent(UnitChange.Renamed));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(UnitResponse.From(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, NotFound>> MergeUnit(
        Guid id, MergeUnitRequest request, OrganizationsDb db, UnitScope scope, TimeProvider time, CancellationToken ct)
    {
        var unit = await scope.FoundAsync(await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct), u => u.Path, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var successor = await db.Units.FirstOrDefaultAsync(u => u.Id == request.SuccessorId, ct)
                        ?? throw new RuleViolationException("successorId", $"No unit has id {request.SuccessorId}.");
        await scope.EnsureBodyUnitAsync(successor.Path, $"The successor '{successor.Name}'", ct);

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            unit.MergeInto(successor, now);
            db.PublishOnCommit(unit.ToEvent(UnitChange.Retired));

            var organizations = await db.PartyOrganizations.Where(o => o.UnitId == unit.Id && !o.Retired).ToListAsync(ct);
            var successorOwn = await db.PartyOrganizations.FirstOrDefaultAsync(
                o => o.UnitId == successor.Id && !o.Retired && (o.Kind == PartyOrganizationKind.Village || o.Kind == PartyOrganizationKind.Community), ct);
            foreach (var organization in organizations)
            {
                db.PublishOnCommit(organization.ToEvent(organization.FollowMerge(successor, successorOwn, now)));
            }

            var children = await db.Units.Where(u => u.ParentId == unit.Id && !u.Retired).ToListAsync(ct);
            foreach (var child in children)
            {
                var oldPath = child.Path;
                child.MoveTo(successor, now);
                db.PublishOnCommit(child.ToEvent(UnitChange.Moved));
                await RewritePathsAsync(db, oldPath, child.Path, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });

        return TypedResults.Ok(UnitResponse.From(unit));
    }

    /// <summary>
    /// A moved unit's descendants and Party organisations keep their place below it under the new
    /// path: one statement each, however large the subtree, and each row rewritten on record.
    /// </summary>
    private static async Task RewritePathsAsync(OrganizationsDb db, string oldPath, string newPath, CancellationToken ct)
    {
        await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Path != oldPath)
            .ExecuteUpdateAuditedAsync(db, u => u.Path, u => newPath + u.Path.Substring(oldPath.Length), ct);
        await db.PartyOrganizations.Where(o => o.UnitPath.StartsWith(oldPath))
            .ExecuteUpdateAuditedAsync(db, o => o.UnitPath, o => newPath + o.UnitPath.Substring(oldPath.Length), ct);
    }
}
