using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.Posts;

public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this IEndpointRouteBuilder routes)
    {
        var posts = routes.MapGroup("/api/personnel")
            .WithTag("Posts", "Terms in posts over time, each on a unit: a term ends and the next one begins; history is never overwritten.");

        posts.MapGet("/people/{personId:guid}/posts", ListForPerson).WithName("ListPersonPosts").WithSummary("A person's terms, oldest first");
        posts.MapGet("/posts", List).WithName("ListPosts")
            .WithSummary("Terms in the caller's unit, or on one unit of it, paged; only the running ones unless history is asked for");
        posts.MapGet("/posts/{id:guid}", Get).WithName("GetPost").WithSummary("One term");
        posts.MapPost("/posts", Begin).RequireAuthorization(PlatformPolicies.Write)
            .WithName("BeginPost").WithSummary("Begin a person's term in a post on a unit")
            .WithDescription("The unit must be in service and of the post's level. A post with one holder (all but college-graduate officials and reserve talent) takes no second term that overlaps (409).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        posts.MapPost("/posts/{id:guid}/end", End).RequireAuthorization(PlatformPolicies.Write)
            .WithName("EndPost").WithSummary("End a running term on a day (the first day out of post), with the reason")
            .WithDescription("A township secretary's term ends through an approved change request, except when the city ends it (409 otherwise).")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return posts;
    }

    private static async Task<Results<Ok<List<PostResponse>>, NotFound>> ListForPerson(
        Guid personId, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.FoundAsync(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct), p => p.UnitId, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var posts = await db.Posts.AsNoTracking().Where(p => p.PersonId == personId).OrderBy(p => p.Start).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(posts.ConvertAll(PostResponse.From));
    }

    private static async Task<Results<Ok<Page<PostResponse>>, NotFound>> List(
        Guid? unitId, PostKind? kind, bool? history, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(ct);
        if (unitId is { } id && !await units.AnyAsync(u => u.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var posts = unitId is { } only
            ? db.Posts.AsNoTracking().Where(p => p.UnitId == only)
            : db.Posts.AsNoTracking().Where(p => units.Any(u => u.Id == p.UnitId));
        if (kind is { } k)
        {
            posts = posts.Where(p => p.Kind == k);
        }

        if (history is not true)
        {
            posts = posts.Where(p => p.End == null);
        }

        var request = new PageRequest(page, pageSize);
        var items = await posts.OrderBy(p => p.UnitId).ThenBy(p => p.Kind).ThenBy(p => p.Start).ThenBy(p => p.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<PostResponse>(items.ConvertAll(PostResponse.From), request.Number, request.Size, await posts.CountAsync(ct)));
    }

    private static async Task<Results<Ok<PostResponse>, NotFound>> Get(Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct), p => p.UnitId, ct) is { } post
            ? TypedResults.Ok(PostResponse.From(post))
            : TypedResults.NotFound();

    private static async Task<Created<PostResponse>> Begin(
        BeginPostRequest request, ReplicaScope scope, PersonnelDb db, TimeProvider time, CancellationToken ct)
    {
        var kind = request.Kind!.Value;
        var start = request.Start!.Value;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.UnitId, ct)
                   ?? throw new RuleViolationException("unitId", $"{request.UnitId} is not a unit of the tree.");
        await scope.EnsureBodyUnitAsync(unit.Id, $"Unit '{unit.Name}'", ct);
        if (unit.Retired)
        {
            throw new RuleViolationException("unitId", $"'{unit.Name}' is retired (merged away): a post begins on a unit in service.");
        }

        if (unit.Level != PostRules.LevelOf(kind))
        {
            throw new RuleViolationException("kind", $"A {kind} post sits on a {PostRules.LevelOf(kind).ToString().ToLowerInvariant()}; '{unit.Name}' is a {unit.Level.ToString().ToLowerInvariant()}.");
        }

        // The person must be one the caller may see: elsewhere it reads as no person at all.
        var person = await scope.FoundAsync(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PersonId, ct), p => p.UnitId, ct)
                     ?? throw new RuleViolationException("personId", $"{request.PersonId} is not a person of your unit.");
        PostRules.CheckHolder(kind, await db.Units.Where(u => u.Id == person.UnitId).Select(u => u.Level).SingleAsync(ct));

        var post = Post.Begin(request.PersonId!.Value, unit.Id, kind, start);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.BeginTermAsync(post, unit.Name, time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return TypedResults.Created($"/api/personnel/posts/{post.Id}", PostResponse.From(post));
    }

    private static async Task<Results<Ok<PostResponse>, NotFound>> End(
        Guid id, EndPostRequest request, ClaimsPrincipal user, ReplicaScope scope, PersonnelDb db, TimeProvider time, CancellationToken ct)
    {
        var post = await scope.FoundAsync(await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct), p => p.UnitId, ct);
        if (post is null)
        {
            return TypedResults.NotFound();
        }

        // A mid-term change of a township secretary needs the city's approval (审批备案); the city itself may end a term.
        if (post.Kind == PostKind.TownshipSecretary && !CallerScope.Of(user).CityWide)
        {
            throw new ConflictException("A township secretary leaves post through a change request that the city approves (POST /api/personnel/township-secretary-changes).");
        }

        post.Finish(request.End!.Value, request.Reason!.Trim());
        db.PublishOnCommit(post.ToEvent(time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PostResponse.From(post));
    }
}
