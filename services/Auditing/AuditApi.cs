using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Auditing;

public sealed record AuditEntryResponse(
    Guid Id, DateTimeOffset OccurredAt, string Actor, string? Client, string? ActorUnit, string Operation, string EntityType, string EntityId,
    string Action, System.Text.Json.JsonElement Changes);

public sealed record AuditQuery(
    string? Actor, string? Client, string? Unit, string? EntityType, string? EntityId, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

public static class AuditApi
{
    /// <summary>The service's audit trail at <c>{prefix}/audit</c>, newest first, filtered and paged.</summary>
    public static RouteHandlerBuilder MapAuditApi<TDbContext>(this IEndpointRouteBuilder routes, string prefix)
        where TDbContext : DbContext =>
        routes.MapGet($"{prefix}/audit", ListAsync<TDbContext>)
            .WithTag("Audit", "The service's audit trail: who changed what and when, for city administrators.")
            .WithName("ListAuditEntries")
            .WithSummary("Who changed what and when, filtered by actor, client, unit, entity and time");

    private static async Task<Ok<Page<AuditEntryResponse>>> ListAsync<TDbContext>(
        [AsParameters] AuditQuery query, TDbContext db, CancellationToken ct)
        where TDbContext : DbContext
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (query.Actor is { Length: > 0 } actor)
        {
            entries = entries.Where(e => e.Actor == actor);
        }

        if (query.Client is { Length: > 0 } client)
        {
            entries = entries.Where(e => e.Client == client);
        }

        if (query.Unit is { Length: > 0 } unit)
        {
            entries = entries.Where(e => e.ActorUnit == unit);
        }

        if (query.EntityType is { Length: > 0 } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }

        if (query.EntityId is { Length: > 0 } id)
        {
            entries = entries.Where(e => e.EntityId == id);
        }

        // PostgreSQL's timestamptz takes UTC only; "2026-11-30T08:00+08:00" is the same instant in UTC.
        if (query.From?.ToUniversalTime() is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To?.ToUniversalTime() is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<AuditEntryResponse>(
            items.ConvertAll(e => new AuditEntryResponse(
                e.Id, e.OccurredAt, e.Actor, e.Client, e.ActorUnit, e.Operation, e.EntityType, e.EntityId, e.Action,
                System.Text.Json.JsonDocument.Parse(e.Changes).RootElement.Clone())),
            page.Number, page.Size, total));
    }
}
