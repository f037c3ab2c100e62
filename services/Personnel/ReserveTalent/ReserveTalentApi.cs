using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;

namespace PartyPlatform.Personnel.ReserveTalent;

public static class ReserveTalentApi
{
    public static RouteGroupBuilder MapReserveTalentApi(this IEndpointRouteBuilder routes)
    {
        var reserve = routes.MapGroup("/api/personnel/reserve-talent")
            .WithTag("ReserveTalent", "Reserve talent (好苗子): the candidates in a reserve-talent post on the village each is meant for, and the villages short of the target.");

        reserve.MapGet("/", List).WithName("ListReserveCandidates")
            .WithSummary("Running reserve-talent candidates of the caller's unit (or of one unit in it), with their target village and courses completed, paged by village");
        reserve.MapGet("/shortfall", Shortfall).WithName("ListReserveTalentShortfall")
            .WithSummary("Villages and communities in service under the caller's unit (or one unit in it) with fewer running candidates than the target, paged by code")
            .WithDescription("The target is Personnel:ReserveTalent:PerVillageTarget. A candidate counts on the days their term runs: from its start, until the first day out of post.");
        reserve.MapGet("/shortfall/summary", Summary).WithName("SummarizeReserveTalentShortfall")
            .WithSummary("Per township (or per county), the villages and communities in service, how many are short of the target and the candidates missing, paged by code");

        return reserve;
    }

    private static async Task<Results<Ok<Page<ReserveCandidateResponse>>, NotFound>> List(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        if (await UnitsUnderAsync(unitId, scope, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var candidates =
            from post in RunningCandidates.On(db, calendar.Today)
            join village in units on post.UnitId equals village.Id
            join person in db.People on post.PersonId equals person.Id
            select new { post, village, person };
        var request = new PageRequest(page, pageSize);
        var items = await candidates.AsNoTracking()
            .OrderBy(c => c.village.Code).ThenBy(c => c.person.Name).ThenBy(c => c.post.Id)
            .Skip(request.Skip).Take(request.Size)
            .Select(c => new ReserveCandidateResponse(
                c.post.Id, c.person.Id, c.person.Name, c.person.BirthDate, c.person.Education, c.village.Id, c.village.Name, c.village.Code, c.post.Start,
                db.TrainingCourses.Count(t => t.PersonId == c.person.Id && t.Completed)))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ReserveCandidateResponse>(items, request.Number, request.Size, await candidates.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<VillageShortfallResponse>>, NotFound>> Shortfall(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, IOptions<ReserveTalentOptions> options, CancellationToken ct)
    {
        if (await UnitsUnderAsync(unitId, scope, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var target = options.Value.PerVillageTarget;
        var shortfall = VillageCandidates.Of(db, units, calendar.Today).Where(v => v.Candidates < target);
        var request = new PageRequest(page, pageSize);
        // The missing number is worked out here, not in SQL, where it would count each page's candidates once more.
        var villages = await shortfall.OrderBy(v => v.Code).ThenBy(v => v.VillageId).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var items = villages.ConvertAll(v => new VillageShortfallResponse(v.VillageId, v.Name, v.Code, v.TownshipId, v.TownshipName, v.Candidates, target - v.Candidates));
        return TypedResults.Ok(new Page<VillageShortfallResponse>(items, request.Number, request.Size, await shortfall.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<ShortfallSummaryResponse>>, NotFound>> Summary(
        Guid? unitId, UnitLevel? level, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CityCalendar calendar,
        IOptions<ReserveTalentOptions> options, CancellationToken ct)
    {
        var per = level ?? UnitLevel.Township;
        if (per is not (UnitLevel.Township or UnitLevel.County))
        {
            throw new RuleViolationException("level", "The shortfall is summed per Township or per County.");
        }

        if (await UnitsUnderAsync(unitId, scope, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var target = options.Value.PerVillageTarget;
        var villages = VillageCandidates.Of(db, units, calendar.Today);
        var keyed = per == UnitLevel.County
            ? villages.Select(v => new { UnitId = v.CountyId, v.Candidates })
            : villages.Select(v => new { UnitId = v.TownshipId, v.Candidates });
        var totals =
            from g in keyed.GroupBy(v => v.UnitId)
            select new
            {
                UnitId = g.Key,
                Villages = g.Count(),
                Short = g.Count(v => v.Candidates < target),
                Missing = g.Sum(v => v.Candidates < target ? target - v.Candidates : 0),
            };
        var summary =
            from total in totals
            join unit in db.Units on total.UnitId equals (Guid?)unit.Id
            select new { unit, total };
        var request = new PageRequest(page, pageSize);
        var items = await summary.OrderBy(s => s.unit.Code).ThenBy(s => s.unit.Id).Skip(request.Skip).Take(request.Size)
            .Select(s => new ShortfallSummaryResponse(s.unit.Id, s.unit.Name, s.unit.Code, s.unit.Level, s.total.Villages, s.total.Short, s.total.Missing))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ShortfallSummaryResponse>(items, request.Number, request.Size, await summary.CountAsync(ct)));
    }

    /// <summary>The caller's units, or those at and under one of them; null when that one is not the caller's (404, as for a unit nothing has).</summary>
    private static async Task<IQueryable<UnitReplica>?> UnitsUnderAsync(Guid? unitId, ReplicaScope scope, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(ct);
        if (unitId is not { } id)
        {
            return units;
        }

        return await units.AnyAsync(u => u.Id == id, ct) ? scope.Within(id) : null;
    }
}
