using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Assessments.Data;
using PartyPlatform.Assessments.Rounds;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;

namespace PartyPlatform.Assessments.Targets;

public static class TargetsApi
{
    public static RouteGroupBuilder MapTargetsApi(this IEndpointRouteBuilder routes)
    {
        var targets = routes.MapGroup("/api/assessments/rounds/{roundId:guid}/targets")
            .WithTag("Targets", "A round's targets (好 + 较好 at least 30 %, 较差 at most 20 % today): the city's, each county's own, a target grade per village, and the results against them.");

        targets.MapGet("/", Progress).WithName("GetTargetProgress")
            .WithSummary("The city's targets, and the caller's unit (or one unit of it) and each county in it against its targets");
        targets.MapPut("/city", SetCity).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SetCityTargets").WithSummary("Set the round's city targets (the city's accounts only)")
            .WithDescription("No county's own targets may be looser than the city's: a change that would make one so answers 409 naming the counties.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPut("/counties/{countyId:guid}", SetCounty).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SetCountyTargets").WithSummary("Set a county's own targets, no looser than the city's (the county's or the city's accounts)");
        targets.MapPut("/villages/{organizationId:guid}", SetVillage).RequireAuthorization(PlatformPolicies.Write)
            .WithName("SetVillageTargetGrade").WithSummary("Set the grade a village is expected to reach this year (目标任务具体到村; the county's or the city's accounts)");
        targets.MapGet("/villages", Villages).WithName("ListVillageTargets")
            .WithSummary("The villages of the caller's unit (or one unit of it) with a target grade, with their result; `below=true` for those whose result is worse, paged");
        return targets;
    }

    private static async Task<Results<Ok<RoundTargetsResponse>, NotFound>> Progress(Guid roundId, Guid? unitId, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round
            || await db.FigureUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ProgressAsync(db, scope, round, unit, ct));
    }

    /// <summary>The figures of <c>GET targets</c>: the city's targets, and <paramref name="unit"/> and each county in it against theirs.</summary>
    internal static async Task<RoundTargetsResponse> ProgressAsync(AssessmentsDb db, ReplicaScope scope, GradingRound round, UnitReplica unit, CancellationToken ct)
    {
        var roundId = round.Id;
        var held = await db.Targets.AsNoTracking().Where(t => t.RoundId == roundId).ToDictionaryAsync(t => t.UnitId, ct);
        var city = held[(await db.CityIdAsync(ct))!.Value];
        GradingTarget TargetOf(UnitReplica u) =>
            held.GetValueOrDefault(u.Level == UnitLevel.County ? u.Id : u.Level == UnitLevel.Township ? u.ParentId!.Value : Guid.Empty) ?? city;

        var counties = unit.Level switch
        {
            UnitLevel.City => await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.County && !u.Retired).OrderBy(u => u.Code).ToListAsync(ct),
            UnitLevel.County => [unit],
            _ => [],
        };
        var parts = new List<UnitTargetProgress>();
        foreach (var county in counties)
        {
            parts.Add(await db.TargetProgressAsync(roundId, county, TargetOf(county), held.ContainsKey(county.Id), ct));
        }

        var own = unit.Level == UnitLevel.County ? parts[0]
            : await db.TargetProgressAsync(roundId, unit, TargetOf(unit), unit.Level == UnitLevel.Township && held.ContainsKey(unit.ParentId!.Value), ct);
        return new RoundTargetsResponse(round.Id, round.Year, TargetsResponse.From(city), own, parts);
    }

    private static async Task<Results<Ok<TargetsResponse>, NotFound>> SetCity(
        Guid roundId, SetTargetsRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Setting the city's targets");
        var (good, poor) = Checked(request);
        if (await db.CityIdAsync(ct) is not { } cityId || await db.Targets.FirstOrDefaultAsync(t => t.RoundId == roundId && t.UnitId == cityId, ct) is not { } city)
        {
            return TypedResults.NotFound();
        }

        var looser = await db.Targets.Where(t => t.RoundId == roundId && t.UnitId != cityId && (t.GoodShareAtLeast < good || t.PoorShareAtMost > poor))
            .Join(db.Units, t => t.UnitId, u => u.Id, (t, u) => u.Name).ToListAsync(ct);
        if (looser.Count > 0)
        {
            throw new ConflictException($"These counties' own targets would be looser than the city's: {string.Join("、", looser)}. Raise theirs first.");
        }

        if (city.Change(good, poor, actor.Id, time.GetUtcNow()))
        {
            db.PublishOnCommit(city.ToEvent());
            await db.SaveOrConflictAsync("Another request changed these targets meanwhile; read them and set them again.", ct);
        }

        return TypedResults.Ok(TargetsResponse.From(city));
    }

    private static async Task<Results<Ok<TargetsResponse>, Created<TargetsResponse>, NotFound>> SetCounty(
        Guid roundId, Guid countyId, SetTargetsRequest request, ReplicaScope scope, AssessmentsDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) is not { } round
            || await scope.UnitsUnderAsync(countyId, ct) is null
            || await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == countyId && u.Level == UnitLevel.County, ct) is not { } county)
        {
            return TypedResults.NotFound();
        }

        await scope.EnsureActsAtAsync(UnitLevel.County, "A county's targets are set by the county (or the city), not by a township.", ct);
        var (good, poor) = Checked(request);
        var cityId = (await db.CityIdAsync(ct))!.Value;
        GradingTarget.EnsureNotLooser(good, poor, await db.Targets.AsNoTracking().SingleAsync(t => t.RoundId == roundId && t.UnitId == cityId, ct));
        var now = time.GetUtcNow();
        var target = await db.Targets.FirstOrDefaultAsync(t => t.RoundId == roundId && t.UnitId == county.Id, ct);
        var created = target is null;
        if (target is null)
        {
            target = GradingTarget.Set(roundId, round.Year, county.Id, good, poor, actor.Id, now);
            db.Targets.Add(target);
        }
        else if (!target.Change(good, poor, actor.Id, now))
        {
            return TypedResults.Ok(TargetsResponse.From(target));
        }

        db.PublishOnCommit(target.ToEvent());
        await db.SaveOrConflictAsync("Another request changed these targets meanwhile; read them and set them again.", ct);
        return created
            ? TypedResults.Created($"/api/assessments/rounds/{roundId}/targets?unitId={county.Id}", TargetsResponse.From(target))
            : TypedResults.Ok(TargetsResponse.From(target));
    }

    private static async Task<Results<Ok<VillageTargetResponse>, NotFound>> SetVillage(
        Guid roundId, Guid organizationId, SetVillageTargetRequest request, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct) || await scope.FoundPartyOrganizationAsync(organizationId, ct) is not { } organization)
        {
            return TypedResults.NotFound();
        }

        await scope.EnsureActsAtAsync(UnitLevel.County, "A village's target grade is set by its county (or the city).", ct);
        var village = await db.RoundOrganizations.FirstOrDefaultAsync(o => o.RoundId == roundId && o.OrganizationId == organizationId, ct)
                      ?? throw new RuleViolationException("organizationId", $"The round does not grade '{organization.Name}'.");
        village.SetTarget(request.Grade);
        await db.SaveChangesAsync(ct);
        var grading = await db.Gradings.AsNoTracking().FirstOrDefaultAsync(g => g.RoundId == roundId && g.OrganizationId == organizationId, ct);
        return TypedResults.Ok(new VillageTargetResponse(village.OrganizationId, village.OrganizationCode, village.OrganizationName, village.UnitId,
            village.TargetGrade, grading is { IsResult: true } ? grading.Grade : null, grading?.Step));
    }

    private static async Task<Results<Ok<Page<VillageTargetResponse>>, NotFound>> Villages(
        Guid roundId, Guid? unitId, bool? below, int? page, int? pageSize, ReplicaScope scope, AssessmentsDb db, CancellationToken ct)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct) || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var villages =
            from o in db.InService(roundId, units)
            where o.TargetGrade != null
            join g in db.Gradings on new { o.RoundId, o.OrganizationId } equals new { g.RoundId, g.OrganizationId } into gradings
            from g in gradings.DefaultIfEmpty()
            let result = g != null && g.Step >= GradingStep.CountyDecided ? (Grade?)g.Grade : null
            select new { o.OrganizationId, o.OrganizationCode, o.OrganizationName, o.UnitId, o.TargetGrade, Result = result, Step = g == null ? (GradingStep?)null : g.Step };
        if (below == true)
        {
            villages = villages.Where(v => v.Result > v.TargetGrade);
        }

        var request = new PageRequest(page, pageSize);
        var rows = await villages.OrderBy(v => v.OrganizationCode).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<VillageTargetResponse>(
            rows.ConvertAll(v => new VillageTargetResponse(v.OrganizationId, v.OrganizationCode, v.OrganizationName, v.UnitId, v.TargetGrade, v.Result, v.Step)),
            request.Number, request.Size, await villages.CountAsync(ct)));
    }

    private static (decimal Good, decimal Poor) Checked(SetTargetsRequest request)
    {
        foreach (var (field, value) in new[] { ("goodShareAtLeast", request.GoodShareAtLeast!.Value), ("poorShareAtMost", request.PoorShareAtMost!.Value) })
        {
            if (decimal.Round(value, 1) != value)
            {
                throw new RuleViolationException(field, $"A target is a percentage with one decimal at most; {value} has more.");
            }
        }

        return (request.GoodShareAtLeast!.Value, request.PoorShareAtMost!.Value);
    }
}
