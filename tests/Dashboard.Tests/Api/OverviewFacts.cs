using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>
/// One set of facts of every kind for the overview and the village page, published as the services would: 东1村 (county A)
/// has an in-use venue, a 好 grade, 50 of 200 households visited and two problems; 南1村 (county B) has no venue, a 较差
/// grade and no visit.
/// </summary>
public static class OverviewFacts
{
    public static readonly Guid Campaign = Guid.NewGuid();

    public static async Task PublishAsync(DashboardApp app, CancellationToken ct)
    {
        var tree = app.Tree;
        var (village, other) = (tree.Id(DashboardTree.VillageCode), tree.Id(DashboardTree.OtherVillageCode));
        var now = DateTimeOffset.UtcNow;
        foreach (var (code, villages, with) in new[]
                 {
                     (DashboardTree.CityCode, 2, 1), (DashboardTree.CountyCode, 1, 1), (DashboardTree.OtherCountyCode, 1, 0), (DashboardTree.TownshipCode, 1, 1),
                     (DashboardTree.VillageCode, 1, 1), (DashboardTree.OtherVillageCode, 1, 0),
                 })
        {
            var unit = tree[code];
            await app.PublishAsync(new VenueCoverageChanged(unit.UnitId, 1, unit.Name, unit.Code, unit.Level, villages, with, 100m * with / villages, now),
                Guid.NewGuid(), ct);
        }

        await app.PublishAsync(new VenueChanged(Guid.NewGuid(), 3, village, VenueKind.NewBuild, VenueState.InUse, new DateOnly(2026, 5, 1), 180m, null, null, now),
            Guid.NewGuid(), ct);
        await app.PublishAsync(Profile(tree[DashboardTree.CityCode], 2, 1, new() { ["Bachelor"] = 1, ["College"] = 1 }, new() { [1980] = 1, [1960] = 1 }, now),
            Guid.NewGuid(), ct);
        await app.PublishAsync(Profile(tree[DashboardTree.CountyCode], 1, 1, new() { ["Bachelor"] = 1 }, new() { [1980] = 1 }, now), Guid.NewGuid(), ct);
        await app.PublishAsync(new GraduateOfficialChanged(Guid.NewGuid(), 1, Guid.NewGuid(), village, new DateOnly(2023, 9, 1), 1,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), null, null, now), Guid.NewGuid(), ct);

        var round = Guid.NewGuid();
        await app.PublishAsync(new GradingTargetsChanged(Guid.NewGuid(), 1, round, 2026, tree.Id(DashboardTree.CityCode), 30m, 20m, now), Guid.NewGuid(), ct);
        await app.PublishAsync(new OrganizationGraded(Guid.NewGuid(), 1, round, 2026, Guid.NewGuid(), DashboardTree.VillageCode, village, Grade.Good,
            GradingStep.CityFiled, null, now), Guid.NewGuid(), ct);
        await app.PublishAsync(new OrganizationGraded(Guid.NewGuid(), 1, round, 2026, Guid.NewGuid(), DashboardTree.OtherVillageCode, other, Grade.Poor,
            GradingStep.CountyDecided, null, now), Guid.NewGuid(), ct);

        await app.PublishAsync(new SurveyCampaignChanged(Campaign, 1, "2026年入户走访", tree.Id(DashboardTree.CityCode),
            new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), now), Guid.NewGuid(), ct);
        await app.PublishAsync(new OrganizationVisitFiguresChanged(Guid.NewGuid(), Campaign, Guid.NewGuid(), DashboardTree.VillageCode, village, 1, 200, 50, true, now),
            Guid.NewGuid(), ct);
        await app.PublishAsync(new OrganizationVisitFiguresChanged(Guid.NewGuid(), Campaign, Guid.NewGuid(), DashboardTree.OtherVillageCode, other, 1, 100, 0, true, now),
            Guid.NewGuid(), ct);
        await app.PublishAsync(Problem(village, RectificationStage.Assigned, overdue: true, now), Guid.NewGuid(), ct);
        await app.PublishAsync(Problem(village, RectificationStage.Closed, overdue: false, now), Guid.NewGuid(), ct);
        await app.PublishAsync(new OrganizationClassified(Guid.NewGuid(), 1, Campaign, Guid.NewGuid(), DashboardTree.VillageCode, PartyOrganizationKind.Village,
            village, OrganizationClass.Good, false, "规则", now), Guid.NewGuid(), ct);

        foreach (var (code, total, rank) in new[] { (DashboardTree.CountyCode, 90m, 1), (DashboardTree.OtherCountyCode, 80m, 2) })
        {
            await app.PublishAsync(new CountyScoreChanged(Guid.NewGuid(), 1, 2026, tree.Id(code), tree[code].Name, total, rank, 2, [], [], now), Guid.NewGuid(), ct);
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.VenueCoverages.CountAsync(ct) == 6 && await db.VenueRecords.CountAsync(ct) == 1 && await db.SecretaryProfiles.CountAsync(ct) == 2
                   && await db.GraduateOfficials.CountAsync(ct) == 1 && await db.GradingTargets.CountAsync(ct) == 1 && await db.Gradings.CountAsync(ct) == 2
                   && await db.SurveyCampaigns.CountAsync(ct) == 1 && await db.OrganizationVisits.CountAsync(ct) == 2 && await db.Problems.CountAsync(ct) == 2
                   && await db.Classifications.CountAsync(ct) == 1 && await db.CountyScores.CountAsync(ct) == 2;
        }, TimeSpan.FromSeconds(30));
    }

    private static VillageSecretaryProfileChanged Profile(
        AdministrativeUnitChanged unit, int villages, int alsoDirector, Dictionary<string, int> education, Dictionary<int, int> birthYears, DateTimeOffset at) =>
        new(unit.UnitId, 1, unit.Name, unit.Code, unit.Level, villages, villages, alsoDirector, education, new Dictionary<string, int>(), birthYears, at);

    private static ProblemChanged Problem(Guid unit, RectificationStage stage, bool overdue, DateTimeOffset at) =>
        new(Guid.NewGuid(), Campaign, Guid.NewGuid(), DashboardTree.VillageCode, unit, null, ProblemKind.Problem, "infrastructure", ProblemSpread.Isolated,
            ProblemRecurrence.Occasional, stage, new DateOnly(2026, 6, 5), null, null, overdue, stage == RectificationStage.Closed,
            stage == RectificationStage.Closed ? at : null, 1, at);
}
