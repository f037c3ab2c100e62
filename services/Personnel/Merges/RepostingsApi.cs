using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.Merges;

public sealed record RepostingResponse(
    Guid Id, Guid PersonId, string PersonName, Guid FormerPostId, PostKind Kind, Guid RetiredUnitId, string RetiredUnitName,
    Guid SuccessorId, string SuccessorName, DateOnly MergedOn, bool Settled);

public static class RepostingsApi
{
    public static RouteGroupBuilder MapRepostingsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/personnel/repostings")
            .WithTag("Merges", "When units merge (撤并), the terms on the retired unit end on the merge day and their holders are listed for re-posting in the successor.");
        api.MapGet("/", List).WithName("ListRepostings")
            .WithSummary("Holders whose unit was merged away, listed at successors in the caller's unit (or under one unit of it), paged; the unsettled ones unless history is asked for");
        return api;
    }

    private static async Task<Results<Ok<Page<RepostingResponse>>, NotFound>> List(
        Guid? unitId, bool? history, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var rows =
            from reposting in db.Repostings
            join successor in units on reposting.SuccessorId equals successor.Id
            join retired in db.Units on reposting.RetiredUnitId equals retired.Id
            join person in db.People on reposting.PersonId equals person.Id
            select new
            {
                reposting,
                PersonName = person.Name,
                RetiredName = retired.Name,
                SuccessorName = successor.Name,
                Settled = db.Posts.Any(p => p.PersonId == reposting.PersonId && p.Start >= reposting.MergedOn && p.Id != reposting.FormerPostId),
            };
        if (history is not true)
        {
            rows = rows.Where(r => !r.Settled);
        }

        var request = new PageRequest(page, pageSize);
        var items = await rows.OrderByDescending(r => r.reposting.MergedOn).ThenBy(r => r.SuccessorName).ThenBy(r => r.reposting.Id)
            .Skip(request.Skip).Take(request.Size)
            .Select(r => new RepostingResponse(
                r.reposting.Id, r.reposting.PersonId, r.PersonName, r.reposting.FormerPostId, r.reposting.Kind, r.reposting.RetiredUnitId, r.RetiredName,
                r.reposting.SuccessorId, r.SuccessorName, r.reposting.MergedOn, r.Settled))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<RepostingResponse>(items, request.Number, request.Size, await rows.CountAsync(ct)));
    }
}
