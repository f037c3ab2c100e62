using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Venues.Coverage;
using PartyPlatform.Venues.Data;

namespace PartyPlatform.Venues.Funding;

/// <summary>
/// Funding per county or per township of the caller's part of the tree: the lines and accepted new
/// builds of its villages, each village placed in its township and county through the tree copy,
/// summed in memory (a city has a few thousand villages).
/// </summary>
public static class FundingSummaryQuery
{
    /// <summary>Every county in the caller's scope, with zeros where nothing is funded yet.</summary>
    public static async Task<List<FundingSummary>> CountiesAsync(VenuesDb db, ReplicaScope scope, CancellationToken ct)
    {
        var counties = await (await scope.UnitsAsync(ct)).AsNoTracking()
            .Where(u => u.Level == UnitLevel.County).OrderBy(u => u.Code).ThenBy(u => u.Name).ToListAsync(ct);
        return await SummarizeAsync(db, scope, counties, village => village.CountyId, ct);
    }

    /// <summary>Every township of <paramref name="countyId"/>, or null if that county is not in the caller's scope.</summary>
    public static async Task<List<FundingSummary>?> TownshipsAsync(VenuesDb db, ReplicaScope scope, Guid countyId, CancellationToken ct)
    {
        var units = (await scope.UnitsAsync(ct)).AsNoTracking();
        if (!await units.AnyAsync(u => u.Id == countyId && u.Level == UnitLevel.County, ct))
        {
            return null;
        }

        var townships = await units.Where(u => u.ParentId == countyId && u.Level == UnitLevel.Township)
            .OrderBy(u => u.Code).ThenBy(u => u.Name).ToListAsync(ct);
        return await SummarizeAsync(db, scope, townships, village => village.TownshipId, ct);
    }

    private static async Task<List<FundingSummary>> SummarizeAsync(
        VenuesDb db, ReplicaScope scope, IReadOnlyList<UnitReplica> units, Func<VillagePlace, Guid?> unitOf, CancellationToken ct)
    {
        var villages = await scope.VillagesAsync(ct);
        var places = await (
                from village in villages
                join township in db.Units on village.ParentId equals township.Id
                select new VillagePlace(village.Id, township.Id, township.ParentId))
            .ToDictionaryAsync(p => p.VillageId, ct);

        var lines = await (
                from line in db.FundingLines
                join venue in db.Venues on line.VenueId equals venue.Id
                join village in villages on venue.VillageId equals village.Id
                select new { Line = line, venue.VillageId })
            .AsNoTracking()
            .ToListAsync(ct);

        var acceptedNewBuilds = await (
                from venue in db.Venues
                join village in villages on venue.VillageId equals village.Id
                where venue.Kind == VenueKind.NewBuild && VillageCoverage.CountingStates.Contains(venue.State)
                select venue.VillageId)
            .ToListAsync(ct);

        var perNewBuild = await db.Campaigns.Select(c => c.CitySubsidyPerNewBuild).SingleAsync(ct);
        Guid? UnitOf(Guid villageId) => places.TryGetValue(villageId, out var place) ? unitOf(place) : null;
        var linesOf = lines.ToLookup(l => UnitOf(l.VillageId), l => l.Line);
        var newBuildsOf = acceptedNewBuilds.ToLookup(UnitOf);
        return [.. units.Select(unit => FundingSummary.Of(unit, [.. linesOf[unit.Id]], newBuildsOf[unit.Id].Count(), perNewBuild))];
    }

    private sealed record VillagePlace(Guid VillageId, Guid TownshipId, Guid? CountyId);
}
