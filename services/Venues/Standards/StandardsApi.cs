using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Security;
using PartyPlatform.Venues.Data;
using PartyPlatform.Venues.Projects;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Standards;

public static class StandardsApi
{
    public static RouteGroupBuilder MapStandardsApi(this IEndpointRouteBuilder routes)
    {
        var standards = routes.MapGroup("/api/venues")
            .WithTag("Standardisation", "The 五化六通六室七有 checklist in versions, inspections scored against the version in force, and the scores.");

        standards.MapGet("/checklists", ListChecklists).WithName("ListChecklists").WithSummary("Every version of the checklist, newest first, with its items");
        standards.MapGet("/checklists/current", CurrentChecklist).WithName("GetCurrentChecklist").WithSummary("The checklist version in force today");
        standards.MapGet("/checklists/{number:int}", GetChecklist).WithName("GetChecklist").WithSummary("One checklist version by its number");
        standards.MapPost("/checklists", PublishChecklist)
            .RequireAuthorization(PlatformPolicies.Write)
            .WithName("PublishChecklist").WithSummary("Publish a new checklist version (city accounts only)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("""
                The new version is numbered after the highest one and takes effect on effectiveFrom, which may not be
                before the EffectiveFrom of the version in force or of one already scheduled. Versions are never
                edited: a change is a new version, and inspections keep the version they were scored against.
                """);

        standards.MapGet("/venues/{venueId:guid}/inspections", ListInspections).WithName("ListInspections").WithSummary("A venue's inspections, newest first");
        standards.MapGet("/venues/{venueId:guid}/inspections/{id:guid}", GetInspection).WithName("GetInspection").WithSummary("One inspection of a venue");
        standards.MapPost("/venues/{venueId:guid}/inspections", RecordInspection)
            .RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordInspection")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record an inspection of a completed venue against the checklist version in force on the day")
            .WithDescription("""
                The score is the weight of the items met over the version's total weight, 0 to 100. The venue keeps
                the version and score of its latest inspection by day; an inspection entered late for an earlier day
                is kept in the venue's history without replacing them.
                """);

        standards.MapGet("/standards/scores", ListScores).WithName("ListScores").WithSummary("Built venues with their last checklist version and score, paged");
        standards.MapGet("/standards/scores/counties", CountyScores).WithName("ListCountyScores").WithSummary("Per county: built venues, inspected venues, average score");

        return standards;
    }

    private static async Task<Ok<List<ChecklistVersionResponse>>> ListChecklists(VenuesDb db, CancellationToken ct)
    {
        var versions = await db.Checklists.AsNoTracking().OrderByDescending(c => c.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.ConvertAll(ChecklistVersionResponse.From));
    }

    private static async Task<Results<Ok<ChecklistVersionResponse>, NotFound>> CurrentChecklist(VenuesDb db, TimeProvider time, CancellationToken ct)
    {
        var today = await db.TodayAsync(time, ct);
        return ChecklistSchedule.InForceOn(await db.Checklists.AsNoTracking().ToListAsync(ct), today) is { } current
            ? TypedResults.Ok(ChecklistVersionResponse.From(current))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ChecklistVersionResponse>, NotFound>> GetChecklist(int number, VenuesDb db, CancellationToken ct) =>
        await db.Checklists.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct) is { } checklist
            ? TypedResults.Ok(ChecklistVersionResponse.From(checklist))
            : TypedResults.NotFound();

    private static async Task<Created<ChecklistVersionResponse>> PublishChecklist(
        PublishChecklistRequest request, VenuesDb db, ReplicaScope scope, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Publishing a checklist version");
        var versions = await db.Checklists.AsNoTracking().ToListAsync(ct);
        var effectiveFrom = request.EffectiveFrom!.Value;
        ChecklistSchedule.CheckEffectiveFrom(versions, effectiveFrom);

        var items = request.Items.ConvertAll(i => new ChecklistItem(i.Code.Trim(), i.Group.Trim(), i.Name.Trim(), i.Weight!.Value));
        var number = versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1;
        var checklist = ChecklistVersion.Publish(number, request.Title.Trim(), effectiveFrom, items, actor.Id, time.GetUtcNow());
        db.Checklists.Add(checklist);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"Version {number} was published by someone else meanwhile; read the checklists again and retry.");
        }

        return TypedResults.Created($"/api/venues/checklists/{number}", ChecklistVersionResponse.From(checklist));
    }

    private static async Task<Results<Ok<Page<InspectionResponse>>, NotFound>> ListInspections(
        Guid venueId, int? page, int? pageSize, VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        if (!await VenueInScopeAsync(venueId, db, scope, ct))
        {
            return TypedResults.NotFound();
        }

        var inspections = db.Inspections.AsNoTracking().Where(i => i.VenueId == venueId);
        var request = new PageRequest(page, pageSize);
        var total = await inspections.CountAsync(ct);
        var items = await inspections.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.RecordedAt)
            .Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var versions = items.Select(i => i.ChecklistVersion).Distinct().ToList();
        var checklists = await db.Checklists.AsNoTracking().Where(c => versions.Contains(c.Number)).ToDictionaryAsync(c => c.Number, ct);
        return TypedResults.Ok(new Page<InspectionResponse>(
            items.ConvertAll(i => InspectionResponse.From(i, checklists[i.ChecklistVersion])), request.Number, request.Size, total));
    }

    private static async Task<Results<Ok<InspectionResponse>, NotFound>> GetInspection(
        Guid venueId, Guid id, VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        if (!await VenueInScopeAsync(venueId, db, scope, ct)
            || await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.VenueId == venueId, ct) is not { } inspection)
        {
            return TypedResults.NotFound();
        }

        var checklist = await db.Checklists.AsNoTracking().SingleAsync(c => c.Number == inspection.ChecklistVersion, ct);
        return TypedResults.Ok(InspectionResponse.From(inspection, checklist));
    }

    private static async Task<Results<Created<InspectionResponse>, NotFound>> RecordInspection(
        Guid venueId, RecordInspectionRequest request, VenuesDb db, ReplicaScope scope, TimeProvider time, CancellationToken ct)
    {
        if (await scope.FoundAsync(await db.Venues.FirstOrDefaultAsync(v => v.Id == venueId, ct), v => v.VillageId, ct) is not { } venue)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var inspectedOn = request.InspectedOn!.Value;
        InspectionRules.CheckCanInspect(venue, inspectedOn, await db.TodayAsync(time, ct));

        var checklist = ChecklistSchedule.InForceOn(await db.Checklists.AsNoTracking().ToListAsync(ct), inspectedOn)
                        ?? throw new RuleViolationException("inspectedOn", $"No checklist version was in force on {inspectedOn:yyyy-MM-dd}.");
        // A null entry is reported as an unknown item at its index, like any other code the version lacks.
        var inspection = Inspection.Of(venue.Id, checklist, inspectedOn, request.Inspector.Trim(),
            request.MetItems.ConvertAll(code => code ?? ""), request.Note, now);
        var latest = await db.Inspections.Where(i => i.VenueId == venue.Id).MaxAsync(i => (DateOnly?)i.InspectedOn, ct);
        db.Inspections.Add(inspection);
        if (InspectionRules.UpdatesVenue(inspectedOn, latest))
        {
            venue.RecordInspection(checklist.Number, inspection.Score);
            VenueLifecycle.Publish(db, venue, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/venues/venues/{venue.Id}/inspections/{inspection.Id}", InspectionResponse.From(inspection, checklist));
    }

    private static async Task<Ok<Page<VenueScoreResponse>>> ListScores(
        Guid? countyId, Guid? townshipId, int? page, int? pageSize, VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        var villages = await scope.VillagesWithinAsync(countyId, townshipId, ct);
        var venues =
            from venue in db.Venues.AsNoTracking()
            join village in villages on venue.VillageId equals village.Id
            where InspectionRules.InspectableStates.Contains(venue.State)
            select new { venue, village };

        var request = new PageRequest(page, pageSize);
        var total = await venues.CountAsync(ct);
        var items = await venues.OrderBy(v => v.village.Code).ThenBy(v => v.village.Id)
            .Skip(request.Skip).Take(request.Size)
            .Select(v => new VenueScoreResponse(
                v.venue.Id, v.village.Id, v.village.Name, v.village.Code, v.venue.State, v.venue.ChecklistVersion, v.venue.StandardScore,
                db.Inspections.Where(i => i.VenueId == v.venue.Id).Max(i => (DateOnly?)i.InspectedOn)))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<VenueScoreResponse>(items, request.Number, request.Size, total));
    }

    private static async Task<Ok<List<CountyScoreResponse>>> CountyScores(VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        var villages = await scope.VillagesAsync(ct);
        var figures = await (
                from venue in db.Venues.AsNoTracking()
                join village in villages on venue.VillageId equals village.Id
                join township in db.Units on village.ParentId equals township.Id
                where InspectionRules.InspectableStates.Contains(venue.State)
                group venue.StandardScore by township.ParentId into county
                select new
                {
                    CountyId = county.Key,
                    Built = county.Count(),
                    Inspected = county.Count(s => s != null),
                    Average = county.Average(s => s),
                })
            .ToDictionaryAsync(f => f.CountyId ?? Guid.Empty, ct);

        // Counties in the caller's subtree show even without a built venue; a township caller sees its own county's row.
        var inScope = await (await scope.UnitsAsync(ct)).Where(u => u.Level == UnitLevel.County).Select(u => u.Id).ToListAsync(ct);
        var ids = inScope.Union(figures.Keys).ToList();
        var counties = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync(ct);
        return TypedResults.Ok(counties.ConvertAll(c => figures.TryGetValue(c.Id, out var f)
            ? new CountyScoreResponse(c.Id, c.Name, c.Code, f.Built, f.Inspected, f.Average is { } average ? Math.Round(average, 2) : null)
            : new CountyScoreResponse(c.Id, c.Name, c.Code, 0, 0, null)));
    }

    private static async Task<bool> VenueInScopeAsync(Guid venueId, VenuesDb db, ReplicaScope scope, CancellationToken ct) =>
        await scope.FoundAsync(await db.Venues.Where(v => v.Id == venueId).Select(v => new { v.VillageId }).FirstOrDefaultAsync(ct), v => v.VillageId, ct) is not null;
}
