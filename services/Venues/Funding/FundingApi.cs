using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Security;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Venues.Funding;

public static class FundingApi
{
    public static RouteGroupBuilder MapFundingApi(this IEndpointRouteBuilder routes)
    {
        var funding = routes.MapGroup("/api/venues")
            .WithTag("Funding", "Money pledged and arrived per venue and source, the gap, and the city subsidy due by rule.");

        funding.MapGet("/venues/{venueId:guid}/funding", ListForVenue).WithName("ListVenueFunding").WithSummary("A venue's funding lines, with pledged, arrived and the gap in all and per source");
        funding.MapPost("/venues/{venueId:guid}/funding", Pledge).RequireAuthorization(PlatformPolicies.Write)
            .WithName("PledgeFunding").WithSummary("Record a pledge for a venue, and optionally what of it has arrived")
            .WithDescription("Any source but CitySubsidy, which the rule adds when a new build passes acceptance. PartnerUnit and Enterprise name their contributor.");
        funding.MapGet("/funding/{lineId:guid}", Get).WithName("GetFundingLine").WithSummary("One funding line");
        funding.MapPut("/funding/{lineId:guid}/arrival", RecordArrival).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordFundingArrival")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record the total that has arrived on a funding line so far (city subsidy lines included)")
            .WithDescription("More than was pledged needs a reason. Give the line's version to be refused (409) if someone changed it since you read it.");
        funding.MapGet("/funding/counties", Counties)
            .WithName("ListCountyFunding").WithSummary("Per county in your scope: pledged, arrived, the gap, per source, and the city subsidy due by rule against what is recorded");
        funding.MapGet("/funding/counties/{countyId:guid}/townships", Townships).WithName("ListTownshipFunding").WithSummary("The same per township of one county");

        return funding;
    }

    private static async Task<Results<Ok<VenueFundingResponse>, NotFound>> ListForVenue(
        Guid venueId, VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        var venue = await scope.FoundAsync(
            await db.Venues.Where(v => v.Id == venueId).Select(v => new { v.Id, v.VillageId }).FirstOrDefaultAsync(ct), v => v.VillageId, ct);
        if (venue is null)
        {
            return TypedResults.NotFound();
        }

        var lines = await db.FundingLines.AsNoTracking().Where(l => l.VenueId == venueId)
            .OrderBy(l => l.PledgedOn).ThenBy(l => l.Id).ToListAsync(ct);
        return TypedResults.Ok(new VenueFundingResponse(venue.Id, venue.VillageId, FundingTotals.Of(lines), lines.ConvertAll(FundingLineResponse.From)));
    }

    private static async Task<Results<Created<FundingLineResponse>, NotFound>> Pledge(
        Guid venueId, PledgeFundingRequest request, VenuesDb db, ReplicaScope scope, CoverageTracker figures, TimeProvider time, CancellationToken ct)
    {
        var venue = await scope.FoundAsync(await db.Venues.Where(v => v.Id == venueId).Select(v => new { v.VillageId }).FirstOrDefaultAsync(ct), v => v.VillageId, ct);
        if (venue is null)
        {
            return TypedResults.NotFound();
        }

        var today = await db.TodayAsync(time, ct);
        var line = request.ToLine(venueId, today);
        db.FundingLines.Add(line);
        await figures.SaveChangesAsync([venue.VillageId], ct);
        return TypedResults.Created($"/api/venues/funding/{line.Id}", FundingLineResponse.From(line));
    }

    private static async Task<Results<Ok<FundingLineResponse>, NotFound>> Get(Guid lineId, VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        var found = await LineAsync(db.FundingLines.AsNoTracking(), lineId, db, scope, ct);
        return found is not null
            ? TypedResults.Ok(FundingLineResponse.From(found.Line))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<FundingLineResponse>, NotFound>> RecordArrival(
        Guid lineId, RecordArrivalRequest request, VenuesDb db, ReplicaScope scope, CoverageTracker figures, TimeProvider time, CancellationToken ct)
    {
        if (await LineAsync(db.FundingLines, lineId, db, scope, ct) is not (var found, var villageId))
        {
            return TypedResults.NotFound();
        }

        if (request.Version is { } version && version != found.Version)
        {
            throw new ConflictException($"The funding line is at version {found.Version}, not {version}: read it again and retry.");
        }

        var today = await db.TodayAsync(time, ct);
        FundingEntry.RecordArrival(found, request.Arrived!.Value, request.ArrivedOn!.Value, request.Reason, today);
        await figures.SaveChangesAsync([villageId], ct);
        return TypedResults.Ok(FundingLineResponse.From(found));
    }

    /// <summary>The funding line a path names and its venue's village, if that village is in the caller's unit.</summary>
    private static async Task<PlacedLine?> LineAsync(IQueryable<FundingLine> lines, Guid lineId, VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        var found = await (
                from line in lines
                join venue in db.Venues on line.VenueId equals venue.Id
                where line.Id == lineId
                select new PlacedLine(line, venue.VillageId))
            .FirstOrDefaultAsync(ct);
        return await scope.FoundAsync(found, f => f.VillageId, ct);
    }

    private sealed record PlacedLine(FundingLine Line, Guid VillageId);

    private static async Task<Ok<List<FundingSummary>>> Counties(VenuesDb db, ReplicaScope scope, CancellationToken ct) =>
        TypedResults.Ok(await FundingSummaryQuery.CountiesAsync(db, scope, ct));

    private static async Task<Results<Ok<List<FundingSummary>>, NotFound>> Townships(
        Guid countyId, VenuesDb db, ReplicaScope scope, CancellationToken ct) =>
        await FundingSummaryQuery.TownshipsAsync(db, scope, countyId, ct) is { } townships
            ? TypedResults.Ok(townships)
            : TypedResults.NotFound();
}
