using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.OpenApi;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Campaigns;
using PartyPlatform.Surveys.Data;

namespace PartyPlatform.Surveys.SpotChecks;

public static class SpotChecksApi
{
    public static RouteGroupBuilder MapSpotChecksApi(this IEndpointRouteBuilder routes)
    {
        var checks = routes.MapGroup("/api/surveys/campaigns/{id:guid}/spot-checks")
            .WithTag("SpotChecks", "City inspection groups' spot checks (抽查) of the visits: households called on again, those that confirmed, and the findings, per county.");

        checks.MapGet("/", List).WithName("ListSpotChecks")
            .WithSummary("The campaign's spot checks in the caller's unit (or one unit of it), newest first, paged");
        checks.MapGet("/by-county", ByCounty).WithName("ListSpotChecksByCounty")
            .WithSummary("The spot checks' findings per county of the caller's, by code, paged");
        checks.MapPost("/", Record).RequireAuthorization(PlatformPolicies.Write)
            .WithName("RecordSpotCheck").WithSummary("Record a city inspection group's spot check of one organisation; the city's own accounts only")
            .WithDescription("The organisation must be in the campaign's scope and the day in its period; households confirmed cannot exceed those checked.");

        return checks;
    }

    private static async Task<Results<Ok<Page<SpotCheckResponse>>, NotFound>> List(
        Guid id, Guid? unitId, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null || await scope.UnitsUnderAsync(unitId, ct) is not { } units)
        {
            return TypedResults.NotFound();
        }

        var checks = db.SpotChecks.AsNoTracking().Where(c => c.CampaignId == id && units.Any(u => u.Id == c.UnitId));
        var request = new PageRequest(page, pageSize);
        var items = await checks.OrderByDescending(c => c.CheckedOn).ThenBy(c => c.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SpotCheckResponse>(items.ConvertAll(SpotCheckResponse.From), request.Number, request.Size, await checks.CountAsync(ct)));
    }

    private static async Task<Results<Ok<Page<CountySpotChecksResponse>>, NotFound>> ByCounty(
        Guid id, int? page, int? pageSize, ReplicaScope scope, SurveysDb db, CancellationToken ct)
    {
        if (await db.VisibleCampaignAsync(scope, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var counties = (await scope.UnitsAsync(ct)).Where(u => u.Level == UnitLevel.County);
        var request = new PageRequest(page, pageSize);
        var rows = await counties.OrderBy(u => u.Code).ThenBy(u => u.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var figures = new List<CountySpotChecksResponse>(rows.Count);
        foreach (var county in rows)
        {
            var subtree = scope.Within(county.Id);
            var sums = await db.SpotChecks.Where(c => c.CampaignId == id && subtree.Any(u => u.Id == c.UnitId))
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Checks = g.Count(),
                    Checked = g.Sum(c => c.HouseholdsChecked),
                    Confirmed = g.Sum(c => c.HouseholdsConfirmed),
                    WithFindings = g.Count(c => c.HouseholdsConfirmed < c.HouseholdsChecked || c.Findings != null),
                })
                .FirstOrDefaultAsync(ct);
            figures.Add(new CountySpotChecksResponse(county.Id, county.Name, county.Code, county.Level, sums?.Checks ?? 0, sums?.Checked ?? 0,
                sums?.Confirmed ?? 0, VisitRate.Percent(sums?.Confirmed ?? 0, sums?.Checked), sums?.WithFindings ?? 0));
        }

        return TypedResults.Ok(new Page<CountySpotChecksResponse>(figures, request.Number, request.Size, await counties.CountAsync(ct)));
    }

    private static async Task<Results<Created<SpotCheckResponse>, NotFound>> Record(
        Guid id, RecordSpotCheckRequest request, ReplicaScope scope, SurveysDb db, TimeProvider time, CancellationToken ct)
    {
        scope.EnsureCityWide("Spot checks by the city's inspection groups");
        if (await db.VisibleCampaignAsync(scope, id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var organization = await db.NamedInBodyAsync(campaign, request.OrganizationCode!, scope, ct);
        var day = request.CheckedOn!.Value;
        campaign.EnsureInPeriod(day, "checkedOn");
        var check = SpotCheck.Record(id, organization.OrganizationId, organization.UnitId, day, request.InspectionGroup!.Trim(), request.HouseholdsChecked!.Value,
            request.HouseholdsConfirmed!.Value, string.IsNullOrWhiteSpace(request.Findings) ? null : request.Findings.Trim(), time.GetUtcNow());
        db.SpotChecks.Add(check);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/surveys/campaigns/{id}/spot-checks/{check.Id}", SpotCheckResponse.From(check));
    }
}
