using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Personnel.Posts;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.TownshipSecretaries;

public static class SecretaryChangesApi
{
    public static RouteGroupBuilder MapSecretaryChangesApi(this IEndpointRouteBuilder routes)
    {
        var changes = routes.MapGroup("/api/personnel/township-secretary-changes")
            .WithTag("Township secretary changes", "Mid-term changes of township Party secretaries (届中调整): filed by the county, approved or rejected by the city with reasons (审批备案); the posts change only on approval.");

        changes.MapGet("/", List).WithName("ListSecretaryChanges")
            .WithSummary("Change requests for townships of the caller's unit (or under one unit of it), newest first, paged; of one status when asked");
        changes.MapGet("/{id:guid}", Get).WithName("GetSecretaryChange").WithSummary("One change request");
        changes.MapPost("/", File).RequireAuthorization(PlatformPolicies.Write)
            .WithName("FileSecretaryChange").WithSummary("File a mid-term change of a township's secretary: the day, the reason, and who takes the post")
            .WithDescription("The township must have a secretary in post (else begin the term directly, 409). Several requests may wait: once one is approved, the others name a term that has ended and can only be rejected.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(PlatformPolicies.Write)
            .WithName("ApproveSecretaryChange")
            .WithSummary("Approve a pending request with the reason (city accounts): the outgoing term ends and the incoming one begins on the day asked, or today if that has passed")
            .ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RejectSecretaryChange").WithSummary("Reject a pending request with the reason (city accounts); the posts stay as they are")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return changes;
    }

    private static async Task<Results<Ok<Page<SecretaryChangeResponse>>, NotFound>> List(
        Guid? unitId, SecretaryChangeStatus? status, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var changes = db.SecretaryChanges.AsNoTracking().Where(c => units.Any(u => u.Id == c.TownshipId));
        if (status is { } only)
        {
            changes = changes.Where(c => c.Status == only);
        }

        var request = new PageRequest(page, pageSize);
        var items = await changes.OrderByDescending(c => c.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SecretaryChangeResponse>(items.ConvertAll(SecretaryChangeResponse.From), request.Number, request.Size, await changes.CountAsync(ct)));
    }

    private static async Task<Results<Ok<SecretaryChangeResponse>, NotFound>> Get(Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.SecretaryChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct), c => c.TownshipId, ct) is { } change
            ? TypedResults.Ok(SecretaryChangeResponse.From(change))
            : TypedResults.NotFound();

    private static async Task<Created<SecretaryChangeResponse>> File(
        FileSecretaryChangeRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        var township = await db.Units.AsNoTracking()
                           .FirstOrDefaultAsync(u => u.Id == request.TownshipId && u.Level == UnitLevel.Township && !u.Retired, ct)
                       ?? throw new RuleViolationException("townshipId", $"{request.TownshipId} is not a township in service.");
        await scope.EnsureBodyUnitAsync(township.Id, $"Township '{township.Name}'", ct);
        var outgoing = await db.Posts.AsNoTracking()
                           .FirstOrDefaultAsync(p => p.UnitId == township.Id && p.Kind == PostKind.TownshipSecretary && p.End == null, ct)
                       ?? throw new ConflictException($"'{township.Name}' has no secretary in post: begin the term directly (POST /api/personnel/posts).");
        if (request.IncomingPersonId is { } incoming)
        {
            _ = await scope.FoundAsync(await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == incoming, ct), p => p.UnitId, ct)
                ?? throw new RuleViolationException("incomingPersonId", $"{incoming} is not a person of your unit.");
            if (incoming == outgoing.PersonId)
            {
                throw new RuleViolationException("incomingPersonId", "The incoming secretary is the one in post.");
            }
        }

        var effectiveOn = request.EffectiveOn!.Value;
        if (effectiveOn <= outgoing.Start)
        {
            throw new RuleViolationException("effectiveOn", $"The secretary in post began on {outgoing.Start:yyyy-MM-dd}: a change takes effect after that.");
        }

        var change = SecretaryChange.File(township.Id, outgoing.Id, request.IncomingPersonId, effectiveOn, request.Reason!.Trim(), calendar.Today);
        db.SecretaryChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/personnel/township-secretary-changes/{change.Id}", SecretaryChangeResponse.From(change));
    }

    private static async Task<Results<Ok<SecretaryChangeResponse>, NotFound>> Approve(
        Guid id, DecideSecretaryChangeRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        // Before the lookup: everyone but the city is refused alike, so the answer says nothing of the request.
        scope.EnsureCityWide("Approving a township secretary's change");
        var today = calendar.Today;
        var now = time.GetUtcNow();
        var approved = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var change = await db.SecretaryChanges.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (change is null)
            {
                return null;
            }

            change.EnsurePending();
            var outgoing = await db.Posts.SingleAsync(p => p.Id == change.OutgoingPostId, ct);
            if (outgoing.End is { } ended)
            {
                throw new ConflictException($"The outgoing term ended on {ended:yyyy-MM-dd} meanwhile: reject this request, and file a new one if needed.");
            }

            var day = change.EffectiveDay(today);
            outgoing.Finish(day, $"届中调整: {change.Reason}");
            db.PublishOnCommit(outgoing.ToEvent(now));
            Guid? incomingPostId = null;
            if (change.IncomingPersonId is { } person)
            {
                // The outgoing term is saved as ended first: the incoming one is checked against the terms in the database.
                await db.SaveChangesAsync(ct);
                var township = await db.Units.AsNoTracking().SingleAsync(u => u.Id == change.TownshipId, ct);
                incomingPostId = (await PostOpening.BeginAsync(db, township, person, PostKind.TownshipSecretary, day, now, ct)).Id;
            }

            change.Approve(today, request.Reason!.Trim(), incomingPostId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return change;
        });
        if (approved is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(SecretaryChangeResponse.From(approved));
    }

    private static async Task<Results<Ok<SecretaryChangeResponse>, NotFound>> Reject(
        Guid id, DecideSecretaryChangeRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, CancellationToken ct)
    {
        scope.EnsureCityWide("Rejecting a township secretary's change");
        var change = await db.SecretaryChanges.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return TypedResults.NotFound();
        }

        change.Reject(calendar.Today, request.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SecretaryChangeResponse.From(change));
    }
}
