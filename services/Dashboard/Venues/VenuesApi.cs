using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Venues;

public static class VenuesApi
{
    public static RouteGroupBuilder MapVenueFiguresApi(this IEndpointRouteBuilder routes)
    {
        var venues = routes.MapGroup("/api/dashboard/venues")
            .WithTag("Venues", "Venue figures from Venues' events: coverage, venues per state, the deadline's facts, projects behind schedule, funding pledged against arrived, and the 清零 countdown.");

        venues.MapGet("/coverage", Coverage).WithName("ListVenueCoverage").WithSummary("The latest venue coverage of the units of one level in the caller's subtree, paged");
        venues.MapGet("/states", StatesPerCounty).WithName("ListVenueStatesPerCounty").WithSummary("Venues per state and kind, and their floor area, per county in the caller's subtree");
        venues.MapGet("/deadline-facts", DeadlineFacts).WithName("ListDeadlineFacts").WithSummary("Counties and townships that missed the venue deadline, in the caller's subtree");

        venues.MapGet("/behind-schedule", BehindSchedule).WithName("ListBehindScheduleProjects")
            .WithSummary("The construction projects under one unit (the caller's when left out) and those behind schedule, longest late first, paged");
        venues.MapGet("/funding", Funding).WithName("GetVenueFunding")
            .WithSummary("Money pledged for venues against arrived, for one unit (the caller's when left out) and each township or county below it, paged");
        venues.MapGet("/countdown", Countdown).WithName("GetVenueCountdown")
            .WithSummary("The 清零 countdown of one unit (the caller's when left out): days to the venue deadline and the villages still without a venue");

        return venues;
    }

    /// <summary>Names and codes come from the tree copy at read time: a rename moves no coverage figure, so Venues publishes none.</summary>
    private static async Task<Ok<Page<VenueCoverageResponse>>> Coverage(
        DashboardDb db, ReplicaScope scope, int? page, int? pageSize, CancellationToken ct, UnitLevel level = UnitLevel.County)
    {
        if (level == UnitLevel.Village)
        {
            throw new RuleViolationException("level", "Coverage is counted for townships, counties and the city, not for villages.");
        }

        var request = new PageRequest(page, pageSize);
        var rows =
            from coverage in db.VenueCoverages.AsNoTracking()
            join unit in await scope.UnitsAsync(ct) on coverage.UnitId equals unit.Id
            where coverage.Level == level
            select new { coverage, unit };
        var items = await rows.OrderBy(r => r.unit.Code).ThenBy(r => r.unit.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<VenueCoverageResponse>(
            items.ConvertAll(r => VenueCoverageResponse.From(r.coverage, r.unit)), request.Number, request.Size, await rows.CountAsync(ct)));
    }

    /// <summary>A county's callers see their own row; a township's see none, as its county is not within their subtree.</summary>
    private static async Task<Ok<List<CountyVenueStates>>> StatesPerCounty(DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        var counties = await (await scope.UnitsAsync(ct)).Where(u => u.Level == UnitLevel.County)
            .OrderBy(u => u.Code).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Code }).ToListAsync(ct);
        var countyIds = counties.ConvertAll(c => c.Id);
        var groups = await (
                from venue in db.VenueRecords
                join village in db.Units on venue.VillageId equals village.Id
                join township in db.Units on village.ParentId equals township.Id
                where countyIds.Contains(township.ParentId!.Value)
                group venue by new { CountyId = township.ParentId!.Value, venue.State, venue.Kind } into g
                select new { g.Key.CountyId, g.Key.State, g.Key.Kind, Venues = g.Count(), FloorArea = g.Sum(v => v.FloorArea) })
            .ToListAsync(ct);

        return TypedResults.Ok(counties.ConvertAll(county =>
        {
            var own = groups.Where(g => g.CountyId == county.Id).ToList();
            int Count(VenueState state) => own.Where(g => g.State == state).Sum(g => g.Venues);
            return new CountyVenueStates(
                county.Id,
                county.Name,
                county.Code,
                own.Sum(g => g.Venues),
                new VenueStateCounts(
                    Count(VenueState.Planned), Count(VenueState.UnderConstruction), Count(VenueState.Completed),
                    Count(VenueState.Accepted), Count(VenueState.InUse)),
                own.Where(g => g.Kind == VenueKind.NewBuild).Sum(g => g.Venues),
                own.Where(g => g.Kind == VenueKind.Renovation).Sum(g => g.Venues),
                own.Sum(g => g.FloorArea));
        }));
    }

    /// <summary>With a unit: that unit's facts and those of the units under it; a unit that is missing or outside the caller's subtree is not found.</summary>
    private static async Task<Results<Ok<List<DeadlineFactResponse>>, NotFound>> DeadlineFacts(
        DashboardDb db, ReplicaScope scope, DateOnly? deadline, Guid? unitId, CancellationToken ct)
    {
        if (unitId is { } id && await scope.FoundAsync(await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct), u => u.Id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var units = unitId is { } root ? scope.Within(root) : await scope.UnitsAsync(ct);
        var facts = await db.DeadlineFacts.AsNoTracking()
            .Where(f => units.Any(u => u.Id == f.UnitId))
            .Where(f => deadline == null || f.Deadline == deadline)
            .ToListAsync(ct);
        // Levels are stored by name; their order is the enum's.
        return TypedResults.Ok(facts
            .OrderBy(f => f.Level).ThenBy(f => f.UnitCode, StringComparer.Ordinal).ThenBy(f => f.Deadline).ThenBy(f => f.OccurredAt).ThenBy(f => f.FactId)
            .Select(DeadlineFactResponse.From).ToList());
    }

    private static async Task<Results<Ok<BehindScheduleResponse>, NotFound>> BehindSchedule(
        Guid? unitId, int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CityCalendar calendar, CancellationToken ct)
    {
        if (await db.FiguresUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var projects =
            from schedule in db.ProjectSchedules.AsNoTracking()
            join village in scope.Within(unit.Id) on schedule.VillageId equals village.Id
            join township in db.Units on village.ParentId equals township.Id into townships
            from township in townships.DefaultIfEmpty()
            select new { schedule, village, township };
        var behind = projects.Where(p => p.schedule.BehindSchedule);
        var request = new PageRequest(page, pageSize);
        var items = await behind.OrderBy(p => p.schedule.BehindSince).ThenBy(p => p.village.Code).ThenBy(p => p.schedule.VenueId)
            .Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var today = calendar.Today;
        var rows = items.ConvertAll(p => new BehindScheduleProjectResponse(
            p.schedule.VenueId, p.village.Id, p.village.Name, p.village.Code, p.township?.Id, p.township?.Name,
            p.schedule.LateMilestoneOrder, p.schedule.LateMilestone, p.schedule.LateMilestoneDue, p.schedule.BehindSince,
            today.DayNumber - (p.schedule.LateMilestoneDue ?? today).DayNumber, p.schedule.OccurredAt));
        var count = await behind.CountAsync(ct);
        return TypedResults.Ok(new BehindScheduleResponse(
            unit.Id, unit.Name, unit.Code, unit.Level, await projects.CountAsync(ct), count,
            await projects.MaxAsync(p => (DateTimeOffset?)p.schedule.OccurredAt, ct), new Page<BehindScheduleProjectResponse>(rows, request.Number, request.Size, count)));
    }

    /// <summary>Funding is summed for townships, counties and the city; a village's children are none.</summary>
    private static async Task<Results<Ok<FundingFiguresResponse>, NotFound>> Funding(
        Guid? unitId, int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CancellationToken ct)
    {
        if (await db.FiguresUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var own = await db.VenueFundings.AsNoTracking().FirstOrDefaultAsync(f => f.UnitId == unit.Id, ct);
        var children =
            from child in db.Units.AsNoTracking()
            where child.ParentId == unit.Id && !child.Retired && child.Level != UnitLevel.Village
            join funding in db.VenueFundings.AsNoTracking() on child.Id equals funding.UnitId into fundings
            from funding in fundings.DefaultIfEmpty()
            select new { child, funding };
        var request = new PageRequest(page, pageSize);
        var items = await children.OrderBy(c => c.child.Code).ThenBy(c => c.child.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new FundingFiguresResponse(
            UnitFundingResponse.From(unit, own),
            new Page<UnitFundingResponse>(items.ConvertAll(c => UnitFundingResponse.From(c.child, c.funding)), request.Number, request.Size, await children.CountAsync(ct))));
    }

    private static async Task<Results<Ok<CountdownResponse>, NotFound>> Countdown(
        Guid? unitId, DashboardDb db, ReplicaScope scope, CityCalendar calendar, CancellationToken ct)
    {
        if (await db.FiguresUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        if (unit.Level == UnitLevel.Village)
        {
            throw new RuleViolationException("unitId", "The countdown is counted for townships, counties and the city, not for villages.");
        }

        var campaign = await db.VenueCampaigns.AsNoTracking().FirstOrDefaultAsync(ct);
        var coverage = await db.VenueCoverages.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct);
        var today = calendar.Today;
        return TypedResults.Ok(new CountdownResponse(
            unit.Id, unit.Name, unit.Code, unit.Level,
            campaign?.Deadline, campaign?.DeadlinePassesAt, campaign is null ? null : Math.Max(0, campaign.Deadline.DayNumber - today.DayNumber),
            campaign is not null && today > campaign.Deadline,
            coverage?.Villages ?? 0, coverage?.VillagesWithVenue ?? 0, (coverage?.Villages ?? 0) - (coverage?.VillagesWithVenue ?? 0), coverage?.CoveragePercent,
            campaign?.OccurredAt, coverage?.OccurredAt));
    }
}
