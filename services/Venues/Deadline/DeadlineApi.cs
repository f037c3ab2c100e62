using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Security;
using PartyPlatform.Venues.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Deadline;

public sealed record DeadlineResponse(DateOnly Deadline, DateTimeOffset PassesAt, bool Passed, DateTimeOffset? ReckonedAt, IReadOnlyList<DeadlineShortfall> Shortfalls);

public static class DeadlineApi
{
    public static RouteGroupBuilder MapDeadlineApi(this IEndpointRouteBuilder routes)
    {
        var deadline = routes.MapGroup("/api/venues/deadline")
            .WithTag("Deadline accountability", "The venue deadline and, once it passed, the counties and townships short of full coverage.");

        deadline.MapGet("/", Get).WithName("GetDeadline").WithSummary("The deadline and, once it passed, the counties and townships short of full coverage (in the caller's unit)");
        deadline.MapPost("/check", Check).RequireAuthorization(PlatformPolicies.CityAdministrator)
            .WithName("CheckDeadline").WithSummary("Run the deadline check now instead of waiting for the next interval; idempotent");

        return deadline;
    }

    private static async Task<Ok<DeadlineResponse>> Get(VenuesDb db, ReplicaScope scope, TimeProvider time, CancellationToken ct)
    {
        var terms = await db.CampaignTermsAsync(ct);
        var reckoning = await db.DeadlineReckonings.AsNoTracking().FirstOrDefaultAsync(r => r.Deadline == terms.Deadline, ct);
        var units = reckoning?.Shortfalls.ConvertAll(s => s.UnitId) ?? [];
        var visible = await (await scope.UnitsAsync(ct)).Where(u => units.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return TypedResults.Ok(new DeadlineResponse(
            terms.Deadline, terms.DeadlinePassesAt, DeadlineRule.HasPassed(terms, time.GetUtcNow()), reckoning?.ReckonedAt,
            reckoning?.Shortfalls.Where(s => visible.Contains(s.UnitId)).ToList() ?? []));
    }

    private static async Task<Ok<DeadlineResponse>> Check(DeadlineCheck check, VenuesDb db, ReplicaScope scope, TimeProvider time, CancellationToken ct)
    {
        await check.RunAsync(ct);
        return await Get(db, scope, time, ct);
    }
}
