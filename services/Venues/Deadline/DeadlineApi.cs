using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Security;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Deadline;

public sealed record DeadlineResponse(DateOnly Deadline, DateTimeOffset PassesAt, bool Passed, DateTimeOffset? ReckonedAt, IReadOnlyList<DeadlineShortfall> Shortfalls);

public static class DeadlineApi
{
    public static RouteGroupBuilder MapDeadlineApi(this IEndpointRouteBuilder routes)
    {
        var deadline = routes.MapGroup("/api/venues/deadline").WithTags("Deadline accountability");

        deadline.MapGet("/", Get).WithSummary("The deadline and, once it passed, the counties and townships short of full coverage (in the caller's unit)");
        deadline.MapPost("/check", Check).RequireAuthorization(PlatformPolicies.CityAdministrator)
            .WithSummary("Run the deadline check now instead of waiting for the next interval; idempotent");

        return deadline;
    }

    private static async Task<Ok<DeadlineResponse>> Get(VenuesDb db, ReplicaScope scope, TimeProvider time, CancellationToken ct)
    {
        var terms = (await db.CampaignTermsAsync(ct));
        var reckoning = await db.DeadlineReckonings.AsNoTracking().FirstOrDefaultAsync(r => r.Deadline == terms.Deadline, ct);
        return TypedResults.Ok(await ToResponseAsync(terms.Deadline, terms.DeadlinePassesAt, DeadlineRule.HasPassed(terms, time.GetUtcNow()), reckoning, scope, ct));
    }

    private static async Task<Ok<DeadlineResponse>> Check(DeadlineCheck check, VenuesDb db, ReplicaScope scope, TimeProvider time, CancellationToken ct)
    {
        var reckoning = await check.RunAsync(ct);
        var terms = (await db.CampaignTermsAsync(ct));
        return TypedResults.Ok(await ToResponseAsync(terms.Deadline, terms.DeadlinePassesAt, reckoning is not null, reckoning, scope, ct));
    }

    private static async Task<DeadlineResponse> ToResponseAsync(
        DateOnly deadline, DateTimeOffset passesAt, bool passed, DeadlineReckoning? reckoning, ReplicaScope scope, CancellationToken ct)
    {
        var visible = new List<DeadlineShortfall>();
        foreach (var shortfall in reckoning?.Shortfalls ?? [])
        {
            if (await scope.ContainsAsync(shortfall.UnitId, ct))
            {
                visible.Add(shortfall);
            }
        }

        return new DeadlineResponse(deadline, passesAt, passed, reckoning?.ReckonedAt, visible);
    }
}
