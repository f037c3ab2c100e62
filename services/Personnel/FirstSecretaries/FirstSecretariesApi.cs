using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.FirstSecretaries;

public static class FirstSecretariesApi
{
    public static RouteGroupBuilder MapFirstSecretariesApi(this IEndpointRouteBuilder routes)
    {
        var firstSecretaries = routes.MapGroup("/api/personnel/first-secretaries")
            .WithTag("FirstSecretaries", "First secretaries (第一书记): township officials sent to villages, and the backward villages still without one. A term begins through POST /posts.");

        firstSecretaries.MapGet("/", List).WithName("ListFirstSecretaries")
            .WithSummary("First secretaries in post in the caller's unit (or one unit of it), with their village and home unit, paged");
        firstSecretaries.MapGet("/wanted", Wanted).WithName("ListVillagesWantingFirstSecretary")
            .WithSummary("Villages flagged backward (by hand, 后进 or 较差) with no first secretary, with their open flags, paged");

        return firstSecretaries;
    }

    private static async Task<Results<Ok<Page<FirstSecretaryResponse>>, NotFound>> List(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var terms =
            from post in FirstSecretaryTerms.Running(db.Posts.AsNoTracking(), calendar.Today)
            join village in units on post.UnitId equals village.Id
            join person in db.People on post.PersonId equals person.Id
            join home in db.Units on person.UnitId equals home.Id
            select new { post, village, person.Name, Home = home };
        var request = new PageRequest(page, pageSize);
        var items = await terms.OrderBy(t => t.village.Code).ThenBy(t => t.post.Start).ThenBy(t => t.post.Id).Skip(request.Skip).Take(request.Size)
            .Select(t => new FirstSecretaryResponse(
                t.post.Id, t.post.PersonId, t.Name, t.village.Id, t.village.Name, t.Home.Id, t.Home.Name, t.post.Start, t.post.End))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<FirstSecretaryResponse>(items, request.Number, request.Size, await terms.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<WantedVillageResponse>>, NotFound>> Wanted(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var flags = db.WatchList.AsNoTracking().Where(e => e.Kind == WatchListKind.Backward && e.ClearedOn == null);
        var running = FirstSecretaryTerms.Running(db.Posts, calendar.Today);
        var villages = units.Where(v => flags.Any(e => e.UnitId == v.Id) && !running.Any(p => p.UnitId == v.Id));
        var request = new PageRequest(page, pageSize);
        var onPage = await villages.OrderBy(v => v.Code).ThenBy(v => v.Id).Skip(request.Skip).Take(request.Size)
            .Select(v => new { v.Id, v.Name, v.Code }).ToListAsync(ct);
        var ids = onPage.ConvertAll(v => v.Id);
        var flagsOnPage = (await flags.Where(e => ids.Contains(e.UnitId)).OrderBy(e => e.FlaggedOn).ThenBy(e => e.Id).ToListAsync(ct)).ToLookup(e => e.UnitId);
        var items = onPage.ConvertAll(v => new WantedVillageResponse(
            v.Id, v.Name, v.Code, [.. flagsOnPage[v.Id].Select(e => new BackwardFlag(e.Id, e.Source, e.Reason, e.FlaggedOn))]));
        return TypedResults.Ok(new Page<WantedVillageResponse>(items, request.Number, request.Size, await villages.CountAsync(ct)));
    }
}
