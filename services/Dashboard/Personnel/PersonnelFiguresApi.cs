using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Personnel;

public static class PersonnelFiguresApi
{
    public static RouteGroupBuilder MapPersonnelFiguresApi(this IEndpointRouteBuilder routes)
    {
        var personnel = routes.MapGroup("/api/dashboard/personnel")
            .WithTag("Personnel", "Leader figures from Personnel's events: village secretaries' profiles and the 一肩挑 ratio, and college-graduate officials whose terms end with no exit.");

        personnel.MapGet("/secretary-profiles", Profiles).WithName("ListSecretaryProfiles")
            .WithSummary("The village-secretary profile (age bands, education, sources, 一肩挑) of the units of one level in the caller's subtree, paged");
        personnel.MapGet("/graduate-officials/ending", EndingTerms).WithName("ListEndingGraduateOfficialTerms")
            .WithSummary("College-graduate officials of the caller's unit (or of one unit in it) whose term ends within the window, or has ended, with no exit arranged; soonest first, paged");
        return personnel;
    }

    private static async Task<Ok<Page<SecretaryProfileResponse>>> Profiles(
        DashboardDb db, ReplicaScope scope, CityCalendar calendar, IOptions<PersonnelFiguresOptions> options, int? page, int? pageSize,
        CancellationToken ct, UnitLevel level = UnitLevel.County)
    {
        if (level == UnitLevel.Village)
        {
            throw new RuleViolationException("level", "Profiles are counted for townships, counties and the city, not for villages.");
        }

        var request = new PageRequest(page, pageSize);
        var rows =
            from profile in db.SecretaryProfiles.AsNoTracking()
            join unit in await scope.UnitsAsync(ct) on profile.UnitId equals unit.Id
            where profile.Level == level
            select new { profile, unit };
        var items = await rows.OrderBy(r => r.unit.Code).ThenBy(r => r.unit.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var year = calendar.Today.Year;
        return TypedResults.Ok(new Page<SecretaryProfileResponse>(
            items.ConvertAll(r => SecretaryProfileResponse.From(r.profile, r.unit, year, options.Value.AgeBands)), request.Number, request.Size,
            await rows.CountAsync(ct)));
    }

    private static async Task<Results<Ok<EndingTermsResponse>, NotFound>> EndingTerms(
        Guid? unitId, int? page, int? pageSize, DashboardDb db, ReplicaScope scope, CityCalendar calendar, IOptions<PersonnelFiguresOptions> options,
        CancellationToken ct)
    {
        if (await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var today = calendar.Today;
        var window = options.Value.TermEndingWindowDays;
        var lastDay = GraduateTerms.LastDayOfWindow(calendar, options);
        var serving =
            from official in db.GraduateOfficials.AsNoTracking().ServingOn(today)
            join village in units on official.UnitId equals village.Id
            select official;
        var ending =
            from official in db.GraduateOfficials.AsNoTracking().EndingWithoutExit(lastDay)
            join village in units on official.UnitId equals village.Id
            select new { official, village };
        var request = new PageRequest(page, pageSize);
        var items = await ending.OrderBy(o => o.official.TermEnds).ThenBy(o => o.official.OfficialId).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var rows = items.ConvertAll(o => new EndingTermResponse(
            o.official.OfficialId, o.village.Id, o.village.Name, o.village.Code, o.official.TermNumber, o.official.TermEnds,
            o.official.TermEnds.DayNumber - today.DayNumber, o.official.OccurredAt));
        var total = await ending.CountAsync(ct);
        return TypedResults.Ok(new EndingTermsResponse(
            unitId, await serving.CountAsync(ct), total, window, new Page<EndingTermResponse>(rows, request.Number, request.Size, total)));
    }
}
