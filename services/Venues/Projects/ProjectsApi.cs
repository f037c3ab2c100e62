using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Security;
using PartyPlatform.Venues.Campaign;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Projects;

public static class ProjectsApi
{
    private const string ProjectsTag = "Construction projects";
    private const string ProjectsTagDescription = "Each village's venue and its construction project: plan, milestones scheduled backwards from the deadline, states, progress, and the projects behind schedule.";

    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var venues = routes.MapGroup("/api/venues/venues").WithTag(ProjectsTag, ProjectsTagDescription);

        venues.MapGet("/", List).WithName("ListVenues").WithSummary("Venues in the caller's unit, paged; filter by township, county or state");
        venues.MapGet("/{id:guid}", Get).WithName("GetVenue").WithSummary("A venue with its history, milestones and progress reports");
        venues.MapPost("/", Plan).RequireAuthorization(PlatformPolicies.Write)
            .WithName("PlanVenue").WithSummary("Plan a village's venue; its milestones are scheduled backwards from the deadline (倒排工期)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        venues.MapPut("/{id:guid}/description", Describe).RequireAuthorization(PlatformPolicies.Write)
            .WithName("DescribeVenue").WithSummary("Kind, floor area, functions and rooms")
            .ProducesProblem(StatusCodes.Status409Conflict);
        venues.MapPost("/{id:guid}/state", Advance).RequireAuthorization(PlatformPolicies.Write)
            .WithName("AdvanceVenueState").WithSummary("Move the venue forward: under construction, completed, accepted (验收), in use")
            .ProducesProblem(StatusCodes.Status409Conflict);
        venues.MapPost("/{id:guid}/milestones/{order:int}/completion", CompleteMilestone).RequireAuthorization(PlatformPolicies.Write)
            .WithName("CompleteMilestone").WithSummary("Record the day a milestone of the project was done")
            .ProducesProblem(StatusCodes.Status409Conflict);
        venues.MapPost("/{id:guid}/progress", ReportProgress).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ReportProgress").WithSummary("Report the project's progress in percent on a day")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var projects = routes.MapGroup("/api/venues/projects").WithTag(ProjectsTag, ProjectsTagDescription);
        projects.MapGet("/behind-schedule", BehindSchedule).WithName("ListProjectsBehindSchedule").WithSummary("Projects with a late milestone, in a county or township, paged by village code");
        projects.MapGet("/behind-schedule/counties", BehindScheduleByCounty).WithName("CountProjectsBehindSchedulePerCounty").WithSummary("Projects and projects behind schedule per county, paged");
        projects.MapGet("/behind-schedule/counties/{countyId:guid}/townships", BehindScheduleByTownship)
            .WithName("CountProjectsBehindSchedulePerTownship").WithSummary("Projects and projects behind schedule per township of a county, paged");

        return venues;
    }

    private static async Task<Ok<Page<VenueSummary>>> List(
        Guid? townshipId, Guid? countyId, VenueState? state, int? page, int? pageSize, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var villages = await scope.VillagesWithinAsync(countyId, townshipId, ct);
        var venues = db.Venues.AsNoTracking().Where(v => villages.Any(u => u.Id == v.VillageId));
        if (state is { } s)
        {
            venues = venues.Where(v => v.State == s);
        }

        var request = new PageRequest(page, pageSize);
        var today = await db.TodayAsync(time, ct);
        var items = await venues.OrderBy(v => v.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<VenueSummary>(items.ConvertAll(v => VenueSummary.From(v, today)), request.Number, request.Size, await venues.CountAsync(ct)));
    }

    private static async Task<Results<Ok<VenueResponse>, NotFound>> Get(Guid id, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct) =>
        await scope.FoundAsync(await db.Venues.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct), v => v.VillageId, ct) is { } venue
            ? TypedResults.Ok(VenueResponse.From(venue, await db.TodayAsync(time, ct)))
            : TypedResults.NotFound();

    private static async Task<Created<VenueResponse>> Plan(
        PlanVenueRequest request, ReplicaScope scope, VenuesDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        var village = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.VillageId && u.Kind == UnitKind.Village && !u.Retired, ct)
                      ?? throw new RuleViolationException("villageId", $"{request.VillageId} is not a village of the tree.");
        await scope.EnsureBodyUnitAsync(village.Id, $"Village '{village.Name}'", ct);
        var terms = (await db.CampaignTermsAsync(ct));
        var now = time.GetUtcNow();
        var venue = Venue.Plan(village.Id, request.ToDescription(), request.PlannedOn!.Value, actor.Id, terms, now);
        if (await db.Venues.AnyAsync(v => v.VillageId == village.Id, ct))
        {
            throw new ConflictException($"Village '{village.Name}' already has a venue.");
        }

        VenueLifecycle.Add(db, venue, terms.DayOf(now), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/venues/venues/{venue.Id}", VenueResponse.From(venue, terms.DayOf(now)));
    }

    private static Task<Results<Ok<VenueResponse>, NotFound>> Describe(
        Guid id, DescribeVenueRequest request, ReplicaScope scope, VenuesDb db, CoverageTracker coverage, TimeProvider time, CancellationToken ct) =>
        ChangeAsync(id, scope, db, coverage, time, (venue, _, _) => venue.Describe(request.ToDescription()), ct);

    private static Task<Results<Ok<VenueResponse>, NotFound>> Advance(
        Guid id, AdvanceVenueRequest request, ReplicaScope scope, VenuesDb db, CoverageTracker coverage, AuditActor actor, TimeProvider time,
        CancellationToken ct) =>
        ChangeAsync(id, scope, db, coverage, time, (venue, terms, now) =>
            VenueLifecycle.Advance(db, venue, request.State!.Value, request.On!.Value, actor.Id, request.Note, terms, now), ct);

    private static Task<Results<Ok<VenueResponse>, NotFound>> CompleteMilestone(
        Guid id, int order, CompleteMilestoneRequest request, ReplicaScope scope, VenuesDb db, CoverageTracker coverage, TimeProvider time,
        CancellationToken ct) =>
        ChangeAsync(id, scope, db, coverage, time, (venue, terms, now) => venue.CompleteMilestone(order, request.On!.Value, terms.DayOf(now)), ct);

    private static Task<Results<Ok<VenueResponse>, NotFound>> ReportProgress(
        Guid id, ReportProgressRequest request, ReplicaScope scope, VenuesDb db, CoverageTracker coverage, AuditActor actor, TimeProvider time,
        CancellationToken ct) =>
        ChangeAsync(id, scope, db, coverage, time, (venue, terms, now) =>
            venue.Report(request.On!.Value, request.PercentComplete!.Value, request.Note, actor.Id, now, terms.DayOf(now)), ct);

    /// <summary>Loads the venue, checks the caller may change it, applies the change and saves it with its event and the coverage it causes.</summary>
    private static async Task<Results<Ok<VenueResponse>, NotFound>> ChangeAsync(
        Guid id, ReplicaScope scope, VenuesDb db, CoverageTracker coverage, TimeProvider time,
        Action<Venue, CampaignTerms, DateTimeOffset> change, CancellationToken ct)
    {
        var venue = await scope.FoundAsync(await db.Venues.FirstOrDefaultAsync(v => v.Id == id, ct), v => v.VillageId, ct);
        if (venue is null)
        {
            return TypedResults.NotFound();
        }

        var terms = (await db.CampaignTermsAsync(ct));
        var now = time.GetUtcNow();
        change(venue, terms, now);
        VenueLifecycle.Publish(db, venue, now);
        await coverage.SaveChangesAsync([venue.VillageId], ct);
        return TypedResults.Ok(VenueResponse.From(venue, terms.DayOf(now)));
    }

    private static async Task<Ok<Page<BehindScheduleProject>>> BehindSchedule(
        Guid? countyId, Guid? townshipId, int? page, int? pageSize, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var request = new PageRequest(page, pageSize);
        var today = await db.TodayAsync(time, ct);
        var late = (
                from venue in db.Venues.Where(Venue.BehindScheduleOn(today))
                join village in await scope.VillagesWithinAsync(countyId, townshipId, ct) on venue.VillageId equals village.Id
                join township in db.Units on village.ParentId equals township.Id into townships
                from township in townships.DefaultIfEmpty()
                join county in db.Units on township.ParentId equals county.Id into counties
                from county in counties.DefaultIfEmpty()
                select new { venue, village, township, county })
            .AsNoTracking();
        var items = await late.OrderBy(p => p.village.Code).ThenBy(p => p.village.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<BehindScheduleProject>(
            items.ConvertAll(p => new BehindScheduleProject(
                p.venue.Id, p.venue.VillageId, p.village.Name, p.township?.Id, p.township?.Name, p.county?.Id, p.county?.Name, p.venue.State,
                p.venue.LateMilestones(today).Select(m => new MilestoneResponse(m.Order, m.Name, m.PlannedStart, m.PlannedDue, m.CompletedOn, m.ReachedWith, true)).ToList())),
            request.Number, request.Size, await late.CountAsync(ct)));
    }

    private static async Task<Ok<Page<BehindScheduleFigures>>> BehindScheduleByCounty(
        int? page, int? pageSize, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var counties = (await scope.UnitsAsync(ct)).Where(u => u.Level == UnitLevel.County);
        return TypedResults.Ok(await FiguresAsync(counties, new PageRequest(page, pageSize), p => p.CountyId, scope, db, time, ct));
    }

    private static async Task<Results<Ok<Page<BehindScheduleFigures>>, NotFound>> BehindScheduleByTownship(
        Guid countyId, int? page, int? pageSize, ReplicaScope scope, VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var units = await scope.UnitsAsync(ct);
        if (!await units.AnyAsync(u => u.Id == countyId && u.Level == UnitLevel.County, ct))
        {
            return TypedResults.NotFound();
        }

        var townships = units.Where(u => u.ParentId == countyId && u.Level == UnitLevel.Township);
        return TypedResults.Ok(await FiguresAsync(townships, new PageRequest(page, pageSize), p => p.TownshipId, scope, db, time, ct));
    }

    /// <summary>One page of <paramref name="units"/> by code, each with its projects and those behind schedule, counted in SQL.</summary>
    private static async Task<Page<BehindScheduleFigures>> FiguresAsync(
        IQueryable<UnitReplica> units, PageRequest request, Expression<Func<ProjectPlace, Guid?>> unitOf, ReplicaScope scope, VenuesDb db,
        TimeProvider time, CancellationToken ct)
    {
        var shown = await units.AsNoTracking().OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var ids = shown.ConvertAll(u => (Guid?)u.Id);
        var villages = await scope.VillagesAsync(ct);
        var today = await db.TodayAsync(time, ct);
        var projects = await CountAsync(db.Venues, villages, ids, unitOf, db, ct);
        var behind = await CountAsync(db.Venues.Where(Venue.BehindScheduleOn(today)), villages, ids, unitOf, db, ct);
        return new Page<BehindScheduleFigures>(
            shown.ConvertAll(u => new BehindScheduleFigures(u.Id, u.Name, u.Code, projects.GetValueOrDefault(u.Id), behind.GetValueOrDefault(u.Id))),
            request.Number, request.Size, await units.CountAsync(ct));
    }

    private static async Task<Dictionary<Guid, int>> CountAsync(
        IQueryable<Venue> venues, IQueryable<UnitReplica> villages, List<Guid?> unitIds, Expression<Func<ProjectPlace, Guid?>> unitOf, VenuesDb db,
        CancellationToken ct) =>
        await (from venue in venues
                join village in villages on venue.VillageId equals village.Id
                join township in db.Units on village.ParentId equals township.Id
                select new ProjectPlace { TownshipId = township.Id, CountyId = township.ParentId })
            .Select(unitOf)
            .Where(unitId => unitIds.Contains(unitId))
            .GroupBy(unitId => unitId)
            .Select(g => new { UnitId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitId, g => g.Count, ct);

    /// <summary>Where a project lies: the township and county of its village.</summary>
    private sealed class ProjectPlace
    {
        public Guid? TownshipId { get; init; }

        public Guid? CountyId { get; init; }
    }
}
