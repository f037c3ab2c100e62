using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Dashboard.Surveys;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>Surveys' visit figures in the read model: the newest version wins, a repeated fact counts once, and each unit sees its own.</summary>
public sealed class SurveyFiguresTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Visit_figures_sum_per_unit_keep_the_newest_version_and_count_a_repeated_fact_once()
    {
        await using var app = await DashboardApp.StartAsync();
        var campaign = Guid.NewGuid();
        var (village, other) = (app.Tree.Id(DashboardTree.VillageCode), app.Tree.Id(DashboardTree.OtherVillageCode));
        var (entry, otherEntry) = (Guid.NewGuid(), Guid.NewGuid());
        var repeated = Guid.NewGuid();
        await app.PublishAsync(new SurveyCampaignChanged(campaign, 1, "2026年入户走访", app.Tree.Id(DashboardTree.CityCode),
            new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(Figures(entry, campaign, village, version: 3, households: 200, visited: 50), Guid.NewGuid(), Ct);
        await app.PublishAsync(Figures(otherEntry, campaign, other, version: 1, households: 100, visited: 0), repeated, Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.OrganizationVisits.CountAsync(Ct) == 2 && await db.SurveyCampaigns.AnyAsync(Ct);
        }, Timeout);
        var stale = Guid.NewGuid();
        await app.PublishAsync(Figures(entry, campaign, village, version: 2, households: 200, visited: 10), stale, Ct);
        await app.PublishAsync(Figures(otherEntry, campaign, other, version: 1, households: 100, visited: 0), repeated, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(stale, OrganizationVisitFiguresChangedConsumer.Name), Timeout);

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/surveys/figures", Ct);
        Assert.Equal(campaign, city.GetProperty("campaign").GetProperty("id").GetGuid());
        Assert.Equal((2, 300L, 50L, 16.7m, 1), Figures(city.GetProperty("unit")));
        var counties = city.GetProperty("children").GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("unitName").GetString()!, Figures);
        Assert.Equal((1, 200L, 50L, 25.0m, 0), counties["临渭区"]);
        Assert.Equal((1, 100L, 0L, 0.0m, 1), counties["华州区"]);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode);
        var own = await county.GetFromJsonAsync<JsonElement>("/api/dashboard/surveys/figures", Ct);
        Assert.Equal((1, 100L, 0L, 0.0m, 1), Figures(own.GetProperty("unit")));
        var outside = await county.GetAsync($"/api/dashboard/surveys/figures?unitId={app.Tree.Id(DashboardTree.CountyCode)}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task Problems_open_overdue_and_closed_and_the_classes_sum_per_unit_and_newest_versions_win()
    {
        await using var app = await DashboardApp.StartAsync();
        var campaign = Guid.NewGuid();
        var (village, other) = (app.Tree.Id(DashboardTree.VillageCode), app.Tree.Id(DashboardTree.OtherVillageCode));
        var (overdue, closing, suggestion, classified) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await app.PublishAsync(new SurveyCampaignChanged(campaign, 1, "2026年入户走访", app.Tree.Id(DashboardTree.CityCode),
            new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), DateTimeOffset.UtcNow), Guid.NewGuid(), Ct);
        await app.PublishAsync(Problem(overdue, campaign, village, 3, RectificationStage.Assigned, overdueNow: true), Guid.NewGuid(), Ct);
        await app.PublishAsync(Problem(closing, campaign, village, 6, RectificationStage.Closed), Guid.NewGuid(), Ct);
        await app.PublishAsync(Problem(suggestion, campaign, village, 1, RectificationStage.Open, ProblemKind.Suggestion), Guid.NewGuid(), Ct);
        await app.PublishAsync(Problem(Guid.NewGuid(), campaign, other, 1, RectificationStage.Open), Guid.NewGuid(), Ct);
        await app.PublishAsync(Classified(classified, campaign, village, 2, OrganizationClass.Middling), Guid.NewGuid(), Ct);
        await app.PublishAsync(Classified(Guid.NewGuid(), campaign, other, 1, OrganizationClass.Backward), Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Problems.CountAsync(Ct) == 4 && await db.Classifications.CountAsync(Ct) == 2 && await db.SurveyCampaigns.AnyAsync(Ct);
        }, Timeout);
        var late = Guid.NewGuid();
        await app.PublishAsync(Problem(closing, campaign, village, 5, RectificationStage.Verified), Guid.NewGuid(), Ct);
        await app.PublishAsync(Classified(classified, campaign, village, 1, OrganizationClass.Backward), late, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(late, OrganizationClassifiedConsumer.Name), Timeout);

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/surveys/figures", Ct);

        var counties = city.GetProperty("children").GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("unitName").GetString()!);
        Assert.Equal((1, 1, 1), Problems(counties["临渭区"]));
        Assert.Equal((0, 1, 0), Classes(counties["临渭区"]));
        Assert.Equal((1, 0, 0), Problems(counties["华州区"]));
        Assert.Equal((0, 0, 1), Classes(counties["华州区"]));
        Assert.Equal((2, 1, 1), Problems(city.GetProperty("unit")));
    }

    [Fact]
    public async Task Before_any_campaign_the_figures_are_an_empty_state_and_a_campaign_nobody_has_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();

        var empty = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/surveys/figures", Ct);
        var named = await app.CreateClient().GetAsync($"/api/dashboard/surveys/figures?campaignId={Guid.NewGuid()}", Ct);

        Assert.Equal(JsonValueKind.Null, empty.GetProperty("campaign").ValueKind);
        Assert.Equal((0, 0L, 0L, null, 0), Figures(empty.GetProperty("unit")));
        Assert.Equal(2, empty.GetProperty("children").GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, named.StatusCode);
    }

    private static ProblemChanged Problem(
        Guid id, Guid campaign, Guid unit, long version, RectificationStage stage, ProblemKind kind = ProblemKind.Problem, bool overdueNow = false) =>
        new(id, campaign, Guid.NewGuid(), "610502001201", unit, null, kind, "infrastructure", ProblemSpread.Isolated, ProblemRecurrence.Occasional, stage,
            new DateOnly(2026, 6, 5), null, null, overdueNow, stage == RectificationStage.Closed, stage == RectificationStage.Closed ? DateTimeOffset.UtcNow : null,
            version, DateTimeOffset.UtcNow);

    private static OrganizationClassified Classified(Guid id, Guid campaign, Guid unit, long version, OrganizationClass @class) =>
        new(id, version, campaign, Guid.NewGuid(), "610502001201", Contracts.Organizations.PartyOrganizationKind.Village, unit, @class, false, "规则", DateTimeOffset.UtcNow);

    private static (int, int, int) Problems(JsonElement unit) =>
        (unit.GetProperty("problems").GetProperty("open").GetInt32(), unit.GetProperty("problems").GetProperty("overdue").GetInt32(),
            unit.GetProperty("problems").GetProperty("closed").GetInt32());

    private static (int, int, int) Classes(JsonElement unit) =>
        (unit.GetProperty("classes").GetProperty("good").GetInt32(), unit.GetProperty("classes").GetProperty("middling").GetInt32(),
            unit.GetProperty("classes").GetProperty("backward").GetInt32());

    private static OrganizationVisitFiguresChanged Figures(Guid entry, Guid campaign, Guid unit, long version, int households, int visited) =>
        new(entry, campaign, Guid.NewGuid(), "610502001201", unit, version, households, visited, true, DateTimeOffset.UtcNow);

    private static (int, long, long, decimal?, int) Figures(JsonElement f) =>
        (f.GetProperty("organizations").GetInt32(), f.GetProperty("households").GetInt64(), f.GetProperty("visitedHouseholds").GetInt64(),
            f.GetProperty("visitRate").ValueKind == JsonValueKind.Null ? null : f.GetProperty("visitRate").GetDecimal(), f.GetProperty("blankSpots").GetInt32());
}
