using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Dashboard.Data;
using PartyPlatform.Dashboard.Personnel;
using PartyPlatform.Dashboard.Surveys;
using PartyPlatform.Dashboard.Tree;
using PartyPlatform.Dashboard.Venues;

namespace PartyPlatform.Dashboard.Overview;

public static class VillagePage
{
    /// <summary>
    /// The id names a village (or community) or a Party organisation; for an organisation, the page is of the unit it hangs on.
    /// Missing, not a village, or outside the caller's subtree: 404 alike (the existence rule).
    /// </summary>
    public static async Task<Results<Ok<VillagePageResponse>, NotFound>> GetAsync(
        Guid id, DashboardDb db, ReplicaScope scope, CityCalendar calendar, IOptions<PersonnelFiguresOptions> personnel, CancellationToken ct)
    {
        var organization = await scope.FoundPartyOrganizationAsync(id, ct);
        var unitId = organization?.UnitId ?? id;
        var unit = await scope.FoundAsync(await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.Level == UnitLevel.Village, ct), u => u.Id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        organization ??= await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.UnitId == unit.Id && o.Code == unit.Code && !o.Retired, ct);
        var venues = await db.VenueRecords.AsNoTracking().Where(v => v.VillageId == unit.Id).ToListAsync(ct);
        var coverage = await db.VenueCoverages.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == unit.Id, ct);
        var leaders = await db.VillageLeaders.AsNoTracking().FirstOrDefaultAsync(l => l.VillageId == unit.Id, ct);
        var officials = db.GraduateOfficials.AsNoTracking().Where(o => o.UnitId == unit.Id);
        var year = await db.ShownYearAsync(null, ct);
        var gradings = await db.GradingsByBranchAsync(unit.Id, year, ct);
        var grade = gradings.OrderByDescending(g => g.Result).ThenByDescending(g => g.UpdatedAt).FirstOrDefault();
        var campaign = await (await db.VisibleCampaignsAsync(scope, ct)).LatestFirst().FirstOrDefaultAsync(ct);
        var counts = await db.CountByBranchAsync(unit.Id, campaign?.CampaignId, ct);
        var visits = SurveyFigures.Figures(unit, counts);
        var campaignId = campaign?.CampaignId;
        var stages = await db.Problems.Where(p => p.UnitId == unit.Id && p.CampaignId == campaignId && p.Kind == ProblemKind.Problem)
            .GroupBy(p => p.Stage).Select(g => new StageCount(g.Key, g.Count())).ToListAsync(ct);

        return TypedResults.Ok(new VillagePageResponse(
            OverviewUnit.From(unit),
            (await db.AncestorsInScopeAsync(scope, unit, ct)).ConvertAll(OverviewUnit.From),
            organization is null ? null : new PartyOrganizationReference(organization.Id, organization.Code, organization.Name, organization.Kind),
            Venue(coverage, venues.MaxBy(v => v.State)),
            Leaders(leaders, calendar.Today.Year),
            new VillageGraduates(
                await officials.ServingOn(calendar.Today).CountAsync(ct),
                await officials.EndingWithoutExit(GraduateTerms.LastDayOfWindow(calendar, personnel)).CountAsync(ct),
                await officials.MaxAsync(o => (DateTimeOffset?)o.OccurredAt, ct)),
            new VillageGrading(year, grade?.Grade, grade?.Result ?? false, grade?.UpdatedAt),
            new VillageSurvey(campaign is null ? null : new CampaignReference(campaign.CampaignId, campaign.Name), visits.Organizations, visits.Households,
                visits.VisitedHouseholds, visits.VisitRate, visits.BlankSpots > 0, counts.Classes.MaxBy(c => c.UpdatedAt)?.Class,
                visits.UpdatedAt),
            new VillageProblems([.. stages.OrderBy(s => s.Stage)], visits.Problems.Open, visits.Problems.Overdue, visits.Problems.Closed,
                counts.Problems.Max(p => p.UpdatedAt))));
    }

    private static VillageVenue? Venue(VenueCoverage? coverage, VenueRecord? project) =>
        coverage is null && project is null
            ? null
            : new VillageVenue(
                coverage is null ? null : coverage.VillagesWithVenue > 0,
                project?.VenueId, project?.State, project?.Kind, project?.FloorArea, project?.StateDate,
                new[] { coverage?.OccurredAt, project?.OccurredAt }.Max());

    private static VillageLeaders Leaders(VillageLeadersRecord? record, int year)
    {
        var posts = record?.List ?? [];
        var secretary = posts.FirstOrDefault(p => p.Kind == PostKind.VillageSecretary);
        return new VillageLeaders(
            [.. posts.Select(p => new VillageLeaderPost(p.PostId, p.Kind, p.PersonId, p.Since, year - p.BirthYear, p.Education, p.Source))],
            secretary is not null && posts.Any(p => p.Kind == PostKind.VillageCommitteeDirector && p.PersonId == secretary.PersonId),
            record?.OccurredAt);
    }
}
