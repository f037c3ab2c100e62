using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Live;
using PartyPlatform.Dashboard.Personnel;
using PartyPlatform.Dashboard.Surveys;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.OpenApi;

namespace PartyPlatform.Dashboard.Overview;

public static class OverviewApi
{
    public static RouteGroupBuilder MapOverviewApi(this IEndpointRouteBuilder routes)
    {
        var overview = routes.MapGroup("/api/dashboard")
            .WithTag("Overview", "The leaders' first screen in one call, the drill-down to a county, a township and a village, and the village's own page.");

        overview.MapGet("/overview", Overview).WithName("GetOverview")
            .WithSummary("Every figure group of the first screen for one unit (the caller's when left out; the city for the city's accounts), and the headline figures of each unit one level below it")
            .WithDescription("Each group says when the newest fact it is built from was published (`asOf`, null when none). Before any fact every figure is zero or null.");
        overview.MapGet("/villages/{id:guid}", VillagePage.GetAsync).WithName("GetVillagePage")
            .WithSummary("One village's (or Party organisation's) page: its venue, college-graduate officials, grade, visits and class in the latest campaign, and problems");
        return overview;
    }

    /// <summary>
    /// Leaders read far more often than facts arrive: an answer is kept per caller scope, unit and day until the next commit to the
    /// read model (<see cref="FigureBroadcaster.Version"/>, in process like the stream: one replica).
    /// </summary>
    private static async Task<Results<Ok<OverviewResponse>, NotFound>> Overview(
        Guid? unitId, DashboardDb db, ReplicaScope scope, CityCalendar calendar, IOptions<PersonnelFiguresOptions> personnel,
        IMemoryCache cache, FigureBroadcaster changes, IOptions<OverviewOptions> options, CancellationToken ct)
    {
        var version = changes.Version;
        if (await db.FiguresUnitAsync(scope, unitId, ct) is not { } unit)
        {
            return TypedResults.NotFound();
        }

        var key = (nameof(Overview), await scope.CallerUnitAsync(ct), unit.Id, calendar.Today, version);
        if (!cache.TryGetValue(key, out OverviewResponse? overview))
        {
            overview = await ComputeAsync(unit, db, scope, calendar, personnel, ct);
            cache.Set(key, overview, options.Value.CacheFor);
        }

        return TypedResults.Ok(overview!);
    }

    private static async Task<OverviewResponse> ComputeAsync(
        UnitReplica unit, DashboardDb db, ReplicaScope scope, CityCalendar calendar, IOptions<PersonnelFiguresOptions> personnel, CancellationToken ct)
    {
        var children = await db.ChildrenOf(unit.Id).OrderBy(u => u.Code).ThenBy(u => u.Id).ToListAsync(ct);
        var ids = children.Select(c => c.Id).Append(unit.Id).ToArray();
        var coverage = await db.VenueCoverages.AsNoTracking().Where(c => ids.Contains(c.UnitId)).ToDictionaryAsync(c => c.UnitId, ct);
        var villageIds = children.Where(c => c.Level == UnitLevel.Village).Select(c => c.Id).ToArray();
        var venueStates = (await db.VenueRecords.AsNoTracking().Where(v => villageIds.Contains(v.VillageId)).Select(v => new { v.VillageId, v.State }).ToListAsync(ct))
            .GroupBy(v => v.VillageId).ToDictionary(g => g.Key, g => g.Max(v => v.State));
        var profiles = await db.SecretaryProfiles.AsNoTracking().Where(p => ids.Contains(p.UnitId)).ToDictionaryAsync(p => p.UnitId, ct);
        var year = await db.ShownYearAsync(null, ct);
        var targets = await db.TargetsAsync(year, ct);
        var gradings = await db.GradingsByBranchAsync(unit.Id, year, ct);
        var campaign = await (await db.VisibleCampaignsAsync(scope, ct)).LatestFirst().FirstOrDefaultAsync(ct);
        var surveys = await db.CountByBranchAsync(unit.Id, campaign?.CampaignId, ct);
        var ranking = await db.RankingAsync(scope, null, ct);
        var rankedCodes = ranking.Scores.Select(s => s.CountyId).ToArray();
        var counties = await db.Units.AsNoTracking().Where(u => rankedCodes.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var subtree = db.BranchesUnder(unit.Id).Select(b => b.UnitId);
        var officials = db.GraduateOfficials.Where(o => subtree.Contains(o.UnitId));
        var ending = await officials.EndingWithoutExit(GraduateTerms.LastDayOfWindow(calendar, personnel)).CountAsync(ct);
        var officialsAsOf = await officials.MaxAsync(o => (DateTimeOffset?)o.OccurredAt, ct);
        var schedules = db.ProjectSchedules.Where(p => subtree.Contains(p.VillageId));
        var behindSchedule = await schedules.CountAsync(p => p.BehindSchedule, ct);
        var schedulesAsOf = await schedules.MaxAsync(p => (DateTimeOffset?)p.OccurredAt, ct);
        var funding = await db.VenueFundings.AsNoTracking().FirstOrDefaultAsync(f => f.UnitId == unit.Id, ct);
        var venueCampaign = await db.VenueCampaigns.AsNoTracking().FirstOrDefaultAsync(ct);
        var ancestors = await db.AncestorsInScopeAsync(scope, unit, ct);

        var leaders = profiles.GetValueOrDefault(unit.Id) is { } own
            ? SecretaryProfileResponse.From(own, unit, calendar.Today.Year, personnel.Value.AgeBands)
            : null;
        var grading = GradingFigures.Figures(unit, gradings, targets);
        var visits = SurveyFigures.Figures(unit, surveys);
        return new OverviewResponse(
            OverviewUnit.From(unit),
            ancestors.ConvertAll(OverviewUnit.From),
            Venues(coverage.GetValueOrDefault(unit.Id), behindSchedule, funding, venueCampaign, calendar.Today, schedulesAsOf),
            new GradingOverview(year, grading.Results.Good + grading.Results.FairlyGood + grading.Results.Average + grading.Results.Poor,
                grading.Results.Good, grading.Results.FairlyGood, grading.Results.Average, grading.Results.Poor, grading.GoodShare, grading.PoorShare,
                grading.Targets?.GoodShareAtLeast, grading.Targets?.PoorShareAtMost, grading.Met, grading.UpdatedAt),
            new LeadersOverview(leaders?.Villages ?? 0, leaders?.Secretaries ?? 0, leaders?.AlsoDirector ?? 0, leaders?.AlsoDirectorPercent,
                leaders?.AgeBands.Select(b => new LabelCount(b.Label, b.Count)).ToList() ?? [],
                leaders?.ByEducation.Select(e => new LabelCount(e.Key, e.Value)).ToList() ?? [],
                ending, new[] { leaders?.OccurredAt, officialsAsOf }.Max()),
            new SurveysOverview(campaign is null ? null : new CampaignReference(campaign.CampaignId, campaign.Name), visits.Organizations, visits.Households,
                visits.VisitedHouseholds, visits.VisitRate, visits.BlankSpots, visits.Problems.Open, visits.Problems.Overdue, visits.Problems.Closed, visits.UpdatedAt),
            new RankingOverview(ranking.Year,
                ranking.Scores.ConvertAll(s => new RankedCounty(
                    s.CountyId, counties.GetValueOrDefault(s.CountyId)?.Code, counties.GetValueOrDefault(s.CountyId)?.Name ?? s.CountyName, s.Total, s.Rank)),
                ranking.Scores.Max(s => (DateTimeOffset?)s.OccurredAt)),
            children.ConvertAll(child =>
            {
                var childGrading = GradingFigures.Figures(child, [.. gradings.Where(g => g.BranchId == child.Id)], targets);
                var childVisits = SurveyFigures.Figures(child, surveys.Branch(child.Id));
                var childCoverage = coverage.GetValueOrDefault(child.Id);
                return new ChildOverview(
                    OverviewUnit.From(child), childCoverage?.CoveragePercent, childCoverage is null ? null : childCoverage.Villages - childCoverage.VillagesWithVenue,
                    venueStates.TryGetValue(child.Id, out var state) ? state : null, childGrading.GoodShare, childGrading.PoorShare,
                    profiles.GetValueOrDefault(child.Id) is { } p ? Contracts.Personnel.VillageSecretaryProfileChanged.AlsoDirectorPercent(p.Villages, p.AlsoDirector) : null,
                    childVisits.VisitRate, childVisits.BlankSpots, childVisits.Problems.Open, childVisits.Problems.Overdue);
            }));
    }

    private static VenuesOverview Venues(
        Venues.VenueCoverage? coverage, int behindSchedule, Venues.VenueFunding? funding, Venues.VenueCampaignRecord? campaign, DateOnly today,
        DateTimeOffset? schedulesAsOf)
    {
        var (villages, withVenue) = (coverage?.Villages ?? 0, coverage?.VillagesWithVenue ?? 0);
        return new VenuesOverview(
            villages, withVenue, villages - withVenue, coverage?.CoveragePercent, behindSchedule,
            funding is null ? null : new FundingOverview(funding.Pledged, funding.Arrived, funding.Gap),
            campaign is null ? null : new CountdownOverview(campaign.Deadline, Math.Max(0, campaign.Deadline.DayNumber - today.DayNumber), today > campaign.Deadline, villages - withVenue),
            new[] { coverage?.OccurredAt, schedulesAsOf, funding?.OccurredAt, campaign?.OccurredAt }.Max());
    }
}
