using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.Organizations.Data;
using PartyPlatform.Organizations.Scope;
using PartyPlatform.Security;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Organizations.PartyOrganizations;

public sealed record PartyOrganizationResponse(
    Guid Id, string Name, string Code, PartyOrganizationKind Kind, Guid UnitId, bool Retired, Guid? SuccessorId, long Version, DateTimeOffset UpdatedAt)
{
    public static PartyOrganizationResponse From(PartyOrganization o) =>
        new(o.Id, o.Name, o.Code, o.Kind, o.UnitId, o.Retired, o.SuccessorId, o.Version, o.UpdatedAt);
}

public sealed record CreatePartyOrganizationRequest(
    [property: Required, StringLength(PartyOrganization.MaxNameLength)] string Name,
    [property: Required] PartyOrganizationKind? Kind,
    [property: Required] Guid? UnitId);

public sealed record RenamePartyOrganizationRequest([property: Required, StringLength(PartyOrganization.MaxNameLength)] string Name);

public static class PartyOrganizationsApi
{
    public static RouteGroupBuilder MapPartyOrganizationsApi(this IEndpointRouteBuilder routes)
    {
        var organizations = routes.MapGroup("/api/organizations/party-organizations")
            .WithTag("Party organisations", "Grassroots Party organisations and the units they stand on.");

        organizations.MapGet("/", List).WithName("ListPartyOrganizations").WithSummary("Party organisations on a unit or anywhere in a unit's subtree, paged");
        organizations.MapGet("/{id:guid}", Get).WithName("GetPartyOrganization").WithSummary("One Party organisation");
        organizations.MapPost("/", Create).RequireAuthorization(PlatformPolicies.Write)
            .WithName("CreatePartyOrganization").WithSummary("Create a Party organisation on a unit")
            .WithDescription("A village's or community's own organisation takes the unit's division code; any other kind gets an assigned code (division code, kind letter, 3-digit number).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        organizations.MapPut("/{id:guid}/name", Rename).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RenamePartyOrganization").WithSummary("Rename a Party organisation")
            .ProducesProblem(StatusCodes.Status409Conflict);

        routes.MapGet("/api/organizations/party-organization-codes/{code}", GetByCode).WithTags("Party organisations")
            .WithName("GetPartyOrganizationByCode").WithSummary("One Party organisation by its code, retired ones included");

        return organizations;
    }

    private static async Task<Ok<Page<PartyOrganizationResponse>>> List(
        Guid? unitId, Guid? ancestorId, PartyOrganizationKind? kind, string? code, int? page, int? pageSize, UnitScope scope, CancellationToken ct)
    {
        var organizations = (await scope.PartyOrganizationsAsync(ct)).AsNoTracking().Where(o => !o.Retired);
        if (unitId is { } id)
        {
            organizations = organizations.Where(o => o.UnitId == id);
        }

        if (ancestorId is { } ancestor)
        {
            var path = await scope.PathOfAsync(ancestor, ct);
            organizations = organizations.Where(o => o.UnitPath.StartsWith(path));
        }

        if (kind is { } k)
        {
            organizations = organizations.Where(o => o.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            var wanted = code.Trim();
            organizations = organizations.Where(o => o.Code == wanted);
        }

        var request = new PageRequest(page, pageSize);
        var total = await organizations.CountAsync(ct);
        var items = await organizations.OrderBy(o => o.UnitPath).ThenBy(o => o.Name)
            .Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<PartyOrganizationResponse>(
            items.ConvertAll(PartyOrganizationResponse.From), request.Number, request.Size, total));
    }

    private static Task<Results<Ok<PartyOrganizationResponse>, NotFound>> Get(Guid id, UnitScope scope, CancellationToken ct) =>
        OneAsync(o => o.Id == id, scope, ct);

    private static Task<Results<Ok<PartyOrganizationResponse>, NotFound>> GetByCode(string code, UnitScope scope, CancellationToken ct) =>
        OneAsync(o => o.Code == code, scope, ct);

    /// <summary>The one organisation <paramref name="which"/> names, retired or not, when it is the caller's; else 404.</summary>
    private static async Task<Results<Ok<PartyOrganizationResponse>, NotFound>> OneAsync(
        Expression<Func<PartyOrganization, bool>> which, UnitScope scope, CancellationToken ct) =>
        await (await scope.PartyOrganizationsAsync(ct)).AsNoTracking().FirstOrDefaultAsync(which, ct) is { } organization
            ? TypedResults.Ok(PartyOrganizationResponse.From(organization))
            : TypedResults.NotFound();

    private static async Task<Created<PartyOrganizationResponse>> Create(
        CreatePartyOrganizationRequest request, OrganizationsDb db, UnitScope scope, TimeProvider time, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == request.UnitId, ct)
                   ?? throw new RuleViolationException("unitId", $"No unit has id {request.UnitId}.");
        await scope.EnsureBodyUnitAsync(unit.Path, $"'{unit.Name}'", ct);
        var kind = request.Kind!.Value;
        if (PartyOrganizationCode.OwnCode(kind, unit) is not null
            && await db.PartyOrganizations.AnyAsync(o => o.UnitId == unit.Id && (o.Kind == PartyOrganizationKind.Village || o.Kind == PartyOrganizationKind.Community), ct))
        {
            throw new ConflictException($"'{unit.Name}' already has its own Party organisation; rename that one.");
        }

        var code = await db.CodeForAsync(kind, unit, ct);
        var organization = PartyOrganization.Create(request.Name, kind, unit, code, time.GetUtcNow());
        db.PartyOrganizations.Add(organization);
        db.PublishOnCommit(organization.ToEvent(UnitChange.Created));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organizations/party-organizations/{organization.Id}", PartyOrganizationResponse.From(organization));
    }

    private static async Task<Results<Ok<PartyOrganizationResponse>, NotFound>> Rename(
        Guid id, RenamePartyOrganizationRequest request, OrganizationsDb db, UnitScope scope, TimeProvider time, CancellationToken ct)
    {
        var organization = await scope.FoundAsync(await db.PartyOrganizations.FirstOrDefaultAsync(o => o.Id == id, ct), o => o.UnitPath, ct);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }

        if (organization.Rename(request.Name, time.GetUtcNow()))
        {
            db.PublishOnCommit(organization.ToEvent(UnitChange.Renamed));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(PartyOrganizationResponse.From(organization));
    }
}
