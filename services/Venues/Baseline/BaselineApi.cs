using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Security;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Baseline;

public sealed record VillageBaselineEntry([property: Required] Guid? VillageId, [property: Required] bool? HasUsableVenue, [property: StringLength(500)] string? Note);

public sealed record RecordBaselineRequest([property: Required, MinLength(1), MaxLength(5000)] IReadOnlyList<VillageBaselineEntry> Villages);

public sealed record RecordBaselineResponse(int Recorded, int Unchanged, IReadOnlyList<Guid> VerificationsReopened);

public sealed record VillageBaselineResponse(Guid VillageId, string Name, string? Code, Guid? TownshipId, bool? HasUsableVenue, string? Note, string? RecordedBy, DateTimeOffset? RecordedAt);

public sealed record CountyBaselineResponse(
    Guid CountyId, string Name, string? Code, int Villages, int Recorded, int WithUsableVenue, bool Verified, string? VerifiedBy, DateTimeOffset? VerifiedAt);

public static class BaselineApi
{
    public static RouteGroupBuilder MapBaselineApi(this IEndpointRouteBuilder routes)
    {
        var baseline = routes.MapGroup("/api/venues/baseline")
            .WithTag("Baseline", "Whether each village had a usable venue (摸底), and each county vouching for it (核实底子).");

        baseline.MapGet("/villages", Villages).WithName("ListVillageBaselines").WithSummary("Each village's baseline (had a usable venue or not), paged; unrecorded villages have nulls");
        baseline.MapPut("/villages", Record).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordBaseline").WithSummary("Record whether villages had a usable venue (摸底)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("All or nothing. Changing a village of a county that verified its baseline reopens that county's verification.");
        baseline.MapGet("/counties", Counties).WithName("ListCountyBaselines").WithSummary("Per county: villages, recorded, with a usable venue, and whether verified (核实底子)");
        baseline.MapGet("/counties/unverified", Unverified).WithName("ListUnverifiedCounties").WithSummary("The counties that have not yet verified their baseline");
        baseline.MapPost("/counties/{countyId:guid}/verification", Verify).RequireAuthorization(PlatformPolicies.Write)
            .WithName("VerifyBaseline").WithSummary("The county vouches for its baseline; every village must have been recorded")
            // Refused as 400 keyed countyId while a village is unrecorded, though the request has no body.
            .ProducesValidationProblem();

        return baseline;
    }

    private static async Task<Ok<Page<VillageBaselineResponse>>> Villages(
        Guid? townshipId, int? page, int? pageSize, ReplicaScope scope, VenuesDb db, CancellationToken ct)
    {
        var villages = await scope.VillagesWithinAsync(null, townshipId, ct);

        var request = new PageRequest(page, pageSize);
        var rows =
            from village in villages
            join recorded in db.Baselines on village.Id equals recorded.VillageId into baselines
            from baseline in baselines.DefaultIfEmpty()
            orderby village.Code
            select new VillageBaselineResponse(
                village.Id, village.Name, village.Code, village.ParentId,
                baseline == null ? null : baseline.HasUsableVenue, baseline == null ? null : baseline.Note,
                baseline == null ? null : baseline.RecordedBy, baseline == null ? null : baseline.RecordedAt);
        return TypedResults.Ok(new Page<VillageBaselineResponse>(
            await rows.Skip(request.Skip).Take(request.Size).ToListAsync(ct), request.Number, request.Size, await villages.CountAsync(ct)));
    }

    private static async Task<Ok<RecordBaselineResponse>> Record(
        RecordBaselineRequest request, ReplicaScope scope, VenuesDb db, CoverageTracker coverage, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        var ids = request.Villages.Select(v => v.VillageId!.Value).ToArray();
        var villages = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        for (var i = 0; i < request.Villages.Count; i++)
        {
            var id = request.Villages[i].VillageId!.Value;
            if (!villages.TryGetValue(id, out var village) || village.Kind != UnitKind.Village || village.Retired)
            {
                throw new RuleViolationException($"villages[{i}].villageId", $"{id} is not a village of the tree.");
            }

            if (ids.Take(i).Contains(id))
            {
                throw new RuleViolationException($"villages[{i}].villageId", $"Village '{village.Name}' appears more than once.");
            }
        }

        await scope.EnsureBodyUnitsAsync(ids, id => $"Village '{villages[id].Name}'", ct);

        var existing = await db.Baselines.Where(b => ids.Contains(b.VillageId)).ToDictionaryAsync(b => b.VillageId, ct);
        var now = time.GetUtcNow();
        var changed = new List<Guid>();
        foreach (var entry in request.Villages)
        {
            var id = entry.VillageId!.Value;
            var note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim();
            if (!existing.TryGetValue(id, out var baseline))
            {
                db.Baselines.Add(VillageBaseline.Record(id, entry.HasUsableVenue!.Value, note, actor.Id, now));
                changed.Add(id);
            }
            else if (baseline.Change(entry.HasUsableVenue!.Value, note, actor.Id, now))
            {
                changed.Add(id);
            }
        }

        var counties = await CountiesOfAsync(db, changed, ct);
        var reopened = await db.BaselineVerifications.Where(v => counties.Contains(v.CountyId)).ToListAsync(ct);
        db.BaselineVerifications.RemoveRange(reopened);
        await coverage.SaveChangesAsync(changed, ct);
        return TypedResults.Ok(new RecordBaselineResponse(changed.Count, request.Villages.Count - changed.Count, [.. reopened.Select(v => v.CountyId)]));
    }

    private static async Task<Ok<List<CountyBaselineResponse>>> Counties(ReplicaScope scope, VenuesDb db, CancellationToken ct) =>
        TypedResults.Ok(await CountyFiguresAsync(scope, db, ct));

    private static async Task<Ok<List<CountyBaselineResponse>>> Unverified(ReplicaScope scope, VenuesDb db, CancellationToken ct) =>
        TypedResults.Ok((await CountyFiguresAsync(scope, db, ct)).Where(c => !c.Verified).ToList());

    private static async Task<Results<Ok<CountyBaselineResponse>, NotFound>> Verify(
        Guid countyId, ReplicaScope scope, VenuesDb db, AuditActor actor, TimeProvider time, CancellationToken ct)
    {
        var county = await scope.FoundAsync(
            await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == countyId && u.Level == UnitLevel.County && !u.Retired, ct), u => u.Id, ct);
        if (county is null)
        {
            return TypedResults.NotFound();
        }

        var figures = (await CountyFiguresAsync(scope, db, ct, countyId)).Single();
        if (figures.Recorded < figures.Villages)
        {
            throw new RuleViolationException("countyId", $"{figures.Villages - figures.Recorded} of {figures.Villages} villages of '{county.Name}' have no baseline yet.");
        }

        // Tracked, not a bulk statement: the renewal is on record with its figures before and after.
        var now = time.GetUtcNow();
        var verification = await db.BaselineVerifications.FirstOrDefaultAsync(v => v.CountyId == countyId, ct);
        if (verification is null)
        {
            db.BaselineVerifications.Add(BaselineVerification.Of(countyId, figures.Villages, figures.WithUsableVenue, actor.Id, now));
        }
        else
        {
            verification.Renew(figures.Villages, figures.WithUsableVenue, actor.Id, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await CountyFiguresAsync(scope, db, ct, countyId)).Single());
    }

    private static async Task<List<CountyBaselineResponse>> CountyFiguresAsync(ReplicaScope scope, VenuesDb db, CancellationToken ct, Guid? only = null)
    {
        var units = await scope.UnitsAsync(ct);
        var counties = await units.Where(u => u.Level == UnitLevel.County && (only == null || u.Id == only)).OrderBy(u => u.Code).ToListAsync(ct);
        var villages = await (
                from village in units.Where(u => u.Kind == UnitKind.Village)
                join township in db.Units on village.ParentId equals township.Id
                join recorded in db.Baselines on village.Id equals recorded.VillageId into baselines
                from baseline in baselines.DefaultIfEmpty()
                select new { CountyId = township.ParentId, Recorded = baseline != null, Usable = baseline != null && baseline.HasUsableVenue })
            .ToListAsync(ct);
        var countyIds = counties.Select(c => c.Id).ToArray();
        var verifications = await db.BaselineVerifications.AsNoTracking().Where(v => countyIds.Contains(v.CountyId)).ToDictionaryAsync(v => v.CountyId, ct);
        return counties.ConvertAll(county =>
        {
            var own = villages.Where(v => v.CountyId == county.Id).ToList();
            var verification = verifications.GetValueOrDefault(county.Id);
            return new CountyBaselineResponse(
                county.Id, county.Name, county.Code, own.Count, own.Count(v => v.Recorded), own.Count(v => v.Usable),
                verification is not null, verification?.VerifiedBy, verification?.VerifiedAt);
        });
    }

    private static async Task<Guid[]> CountiesOfAsync(VenuesDb db, IReadOnlyCollection<Guid> villageIds, CancellationToken ct) =>
        await (from village in db.Units.Where(u => villageIds.Contains(u.Id))
                join township in db.Units on village.ParentId equals township.Id
                select township.ParentId!.Value)
            .Distinct().ToArrayAsync(ct);
}
