using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Profiles;
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
        var unit = await PostOpening.UnitAsync(db, scope, request.UnitId!.Value, kind, "kind", ct);
        await PostOpening.EnsureHolderAsync(db, scope, request.PersonId!.Value, kind, ct);
        var post = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            var begun = await PostOpening.BeginAsync(db, unit, request.PersonId!.Value, kind, request.Start!.Value, now, ct);
            await db.SaveChangesAsync(ct);
            if (ProfileTracker.Counts(kind))
            {
                await db.PublishLeadershipAsync([unit.Id], now, ct);
            }

            await transaction.CommitAsync(ct);
            return begun;
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

        var now = time.GetUtcNow();
        post.Finish(request.End!.Value, request.Reason!.Trim());
        db.PublishOnCommit(post.ToEvent(now));
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (ProfileTracker.Counts(post.Kind))
            {
                await db.PublishLeadershipAsync([post.UnitId], now, ct);
            }

            await transaction.CommitAsync(ct);
        });
        return TypedResults.Ok(PostResponse.From(post));
    }
}
