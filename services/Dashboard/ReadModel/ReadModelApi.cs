using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Messaging;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Dashboard.ReadModel;

public static class ReadModelApi
{
    public static RouteGroupBuilder MapReadModelApi(this IEndpointRouteBuilder routes)
    {
        var rebuilds = routes.MapGroup("/api/dashboard/rebuilds")
            .RequireAuthorization(PlatformPolicies.CityAdministrator)
            .WithTag("Read model", "Rebuilding the read model from scratch through the sources' replays; city administrators only.");

        rebuilds.MapPost("/", Rebuild).WithName("RebuildReadModel")
            .WithSummary("Empties the read model and asks every source to publish its current state again; the figures fill up as the replays arrive")
            .WithDescription("Answers 202 once the copies are empty and the replays asked for: until they have arrived the figures are incomplete.");
        rebuilds.MapGet("/", List).WithName("ListReadModelRebuilds").WithSummary("The rebuilds asked for, newest first, paged");
        return rebuilds;
    }

    private static async Task<Accepted<ReadModelRebuildResponse>> Rebuild(
        DashboardDb db, ReplayRequests replays, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var tables = ReadModelTables.Of(db);
        var rebuild = ReadModelRebuild.Start(tables, time.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ReadModelTables.ClearAsync(db, tables, ct);
            db.Add(rebuild);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // After the commit, so that no replayed fact lands before the copies are empty. Should this fail, the copies stay
        // empty until the next start's replay requests (their digests then say empty) or another rebuild.
        rebuild.Asked(await replays.SendAllAsync(http.RequestServices, ct));
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted("/api/dashboard/rebuilds", ReadModelRebuildResponse.From(rebuild));
    }

    private static async Task<Ok<Page<ReadModelRebuildResponse>>> List(int? page, int? pageSize, DashboardDb db, CancellationToken ct)
    {
        var request = new PageRequest(page, pageSize);
        var rebuilds = await db.Set<ReadModelRebuild>().AsNoTracking().OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id)
            .Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ReadModelRebuildResponse>(
            rebuilds.ConvertAll(ReadModelRebuildResponse.From), request.Number, request.Size, await db.Set<ReadModelRebuild>().CountAsync(ct)));
    }
}

public sealed record ReadModelRebuildResponse(Guid Id, DateTimeOffset RequestedAt, IReadOnlyList<string> Cleared, IReadOnlyList<string> ReplaysAsked)
{
    public static ReadModelRebuildResponse From(ReadModelRebuild rebuild) => new(rebuild.Id, rebuild.RequestedAt, rebuild.Cleared, rebuild.ReplaysAsked);
}
