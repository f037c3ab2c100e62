using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Messaging.Outbox;
using PartyPlatform.OpenApi;
using PartyPlatform.Personnel.Data;
using PartyPlatform.Security;

namespace PartyPlatform.Personnel.TownshipSecretaries;

public static class EligibilityApi
{
    public static RouteGroupBuilder MapEligibilityApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/personnel")
            .WithTag("Township secretaries", "Township Party secretaries: who is in post, what they are barred from (city awards, promotion) and why, and the townships a fact found without one.");

        api.MapGet("/township-secretaries", ListSecretaries).WithName("ListTownshipSecretaries")
            .WithSummary("The townships of the caller's unit (or under one unit of it), each with its secretary now and their eligibility, paged");
        api.MapGet("/township-vacancies", ListVacancies).WithName("ListTownshipVacancies")
            .WithSummary("Townships a fact (a missed venue deadline) found with no secretary recorded on its day, newest first, paged");
        api.MapGet("/eligibility-flags", ListFlags).WithName("ListEligibilityFlags")
            .WithSummary("Eligibility flags in the caller's unit, or of one person, paged; only the standing ones unless history is asked for");
        api.MapGet("/eligibility-flags/{id:guid}", GetFlag).WithName("GetEligibilityFlag").WithSummary("One eligibility flag");
        api.MapPost("/posts/{postId:guid}/eligibility-flags", Raise).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RaiseEligibilityFlag").WithSummary("Bar a township secretary in post from city awards or promotion, with the reason (city accounts)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/eligibility-flags/{id:guid}/lift", Lift).RequireAuthorization(PlatformPolicies.Write)
            .WithName("LiftEligibilityFlag").WithSummary("Lift a flag, with the reason; it stays as history (city accounts)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<Page<TownshipSecretaryResponse>>, NotFound>> ListSecretaries(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var rows =
            from township in units.Where(u => u.Level == UnitLevel.Township)
            join running in db.Posts.Where(p => p.Kind == PostKind.TownshipSecretary && p.End == null) on township.Id equals running.UnitId into posts
            from post in posts.DefaultIfEmpty()
            join person in db.People on post.PersonId equals person.Id into people
            from person in people.DefaultIfEmpty()
            select new
            {
                township,
                post,
                person,
                barredFromAwards = db.EligibilityFlags.Any(f => f.PersonId == person.Id && f.LiftedOn == null && f.Kind == EligibilityKind.CityAwards),
                barredFromPromotion = db.EligibilityFlags.Any(f => f.PersonId == person.Id && f.LiftedOn == null && f.Kind == EligibilityKind.Promotion),
            };
        var request = new PageRequest(page, pageSize);
        var items = await rows.OrderBy(r => r.township.Code).ThenBy(r => r.township.Id).Skip(request.Skip).Take(request.Size)
            .Select(r => new TownshipSecretaryResponse(
                r.township.Id, r.township.Name, r.township.Code, r.post == null ? null : r.post.Id, r.person == null ? null : r.person.Id,
                r.person == null ? null : r.person.Name, r.post == null ? null : r.post.Start,
                r.person != null && !r.barredFromAwards, r.person != null && !r.barredFromPromotion))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<TownshipSecretaryResponse>(items, request.Number, request.Size, await rows.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<TownshipVacancyResponse>>, NotFound>> ListVacancies(
        Guid? unitId, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var vacancies =
            from vacancy in db.TownshipVacancies
            join township in units on vacancy.UnitId equals township.Id
            select new { vacancy, township.Name };
        var request = new PageRequest(page, pageSize);
        var items = await vacancies.OrderByDescending(v => v.vacancy.RecordedAt).ThenBy(v => v.vacancy.FactId).Skip(request.Skip).Take(request.Size)
            .Select(v => new TownshipVacancyResponse(v.vacancy.FactId, v.vacancy.UnitId, v.Name, v.vacancy.VacantOn, v.vacancy.Reason, v.vacancy.RecordedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<TownshipVacancyResponse>(items, request.Number, request.Size, await vacancies.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<EligibilityFlagResponse>>, NotFound>> ListFlags(
        Guid? unitId, Guid? personId, bool? history, int? page, int? pageSize, ReplicaScope scope, PersonnelDb db, CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var flags = db.EligibilityFlags.AsNoTracking().Where(f => units.Any(u => u.Id == f.UnitId));
        if (personId is { } person)
        {
            flags = flags.Where(f => f.PersonId == person);
        }

        if (history is not true)
        {
            flags = flags.Where(f => f.LiftedOn == null);
        }

        var request = new PageRequest(page, pageSize);
        var items = await flags.OrderByDescending(f => f.FlaggedOn).ThenBy(f => f.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<EligibilityFlagResponse>(items.ConvertAll(EligibilityFlagResponse.From), request.Number, request.Size, await flags.CountAsync(ct)));
    }

    private static async Task<Results<Ok<EligibilityFlagResponse>, NotFound>> GetFlag(Guid id, ReplicaScope scope, PersonnelDb db, CancellationToken ct) =>
        await scope.FoundAsync(await db.EligibilityFlags.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct), f => f.UnitId, ct) is { } flag
            ? TypedResults.Ok(EligibilityFlagResponse.From(flag))
            : TypedResults.NotFound();

    private static async Task<Results<Created<EligibilityFlagResponse>, NotFound>> Raise(
        Guid postId, RaiseFlagRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        // Before the lookup: everyone but the city is refused alike, so the answer says nothing of the post.
        scope.EnsureCityWide("Barring a township secretary from awards or promotion");
        if (await scope.FoundAsync(await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct), p => p.UnitId, ct) is not { } post)
        {
            return TypedResults.NotFound();
        }

        if (post.Kind != PostKind.TownshipSecretary || post.End is not null)
        {
            throw new RuleViolationException("postId", "Eligibility flags are raised on a township secretary in post.");
        }

        var kind = request.Kind!.Value;
        if (await db.EligibilityFlags.AnyAsync(f => f.PersonId == post.PersonId && f.Kind == kind && f.LiftedOn == null && f.Source == EligibilitySource.Hand, ct))
        {
            throw new ConflictException($"This secretary already has a standing hand flag for {kind}: lift it or keep it.");
        }

        var flag = EligibilityFlag.Raise(post.Id, post.PersonId, post.UnitId, kind, EligibilitySource.Hand, null, request.Reason!.Trim(), calendar.Today);
        db.EligibilityFlags.Add(flag);
        db.PublishOnCommit(flag.ToEvent(time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/personnel/eligibility-flags/{flag.Id}", EligibilityFlagResponse.From(flag));
    }

    private static async Task<Results<Ok<EligibilityFlagResponse>, NotFound>> Lift(
        Guid id, LiftFlagRequest request, ReplicaScope scope, PersonnelDb db, CityCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Lifting an eligibility flag");
        if (await scope.FoundAsync(await db.EligibilityFlags.FirstOrDefaultAsync(f => f.Id == id, ct), f => f.UnitId, ct) is not { } flag)
        {
            return TypedResults.NotFound();
        }

        flag.Lift(calendar.Today, request.Reason!.Trim());
        db.PublishOnCommit(flag.ToEvent(time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EligibilityFlagResponse.From(flag));
    }
}
