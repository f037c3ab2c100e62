using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Dashboard.Assessments;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Dashboard.Tests.Api;

/// <summary>Assessments' gradings and targets in the read model: newest version wins, a repeated fact counts once, each unit sees its own.</summary>
public sealed class GradingFiguresTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_distribution_counts_results_only_keeps_the_newest_version_once_and_meets_each_countys_targets()
    {
        await using var app = await DashboardApp.StartAsync();
        var round = Guid.NewGuid();
        var (village, other) = (app.Tree.Id(DashboardTree.VillageCode), app.Tree.Id(DashboardTree.OtherVillageCode));
        var (decided, sentBack, poor) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var repeated = Guid.NewGuid();
        await app.PublishAsync(Targets(round, app.Tree.Id(DashboardTree.CityCode), 30, 20), Guid.NewGuid(), Ct);
        await app.PublishAsync(Targets(round, app.Tree.Id(DashboardTree.OtherCountyCode), 50, 0), Guid.NewGuid(), Ct);
        await app.PublishAsync(Graded(decided, round, village, Grade.Good, GradingStep.CityFiled, version: 4), Guid.NewGuid(), Ct);
        await app.PublishAsync(Graded(sentBack, round, village, Grade.Average, GradingStep.TownshipReviewed, version: 5), Guid.NewGuid(), Ct);
        await app.PublishAsync(Graded(poor, round, other, Grade.Poor, GradingStep.CountyDecided, version: 3), repeated, Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.Gradings.CountAsync(Ct) == 3 && await db.GradingTargets.CountAsync(Ct) == 2;
        }, Timeout);
        // Late and repeated: the decision before the send-back (version 4) and the same fact again change nothing.
        var late = Guid.NewGuid();
        await app.PublishAsync(Graded(sentBack, round, village, Grade.Average, GradingStep.CountyDecided, version: 4), late, Ct);
        await app.PublishAsync(Graded(poor, round, other, Grade.Poor, GradingStep.CountyDecided, version: 3), repeated, Ct);
        await Eventually.TrueAsync(() => app.AppliedAsync(late, OrganizationGradedConsumer.Name), Timeout);

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/assessments/grading", Ct);

        Assert.Equal(2026, city.GetProperty("year").GetInt32());
        Assert.Equal((1, 1, 0, 1, 50.0m, 50.0m, false), Figures(city.GetProperty("unit")));
        var counties = city.GetProperty("children").GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("unitName").GetString()!);
        Assert.Equal((1, 1, 0, 0, 100.0m, 0.0m, true), Figures(counties["临渭区"]));
        Assert.Equal((0, 0, 0, 1, 0.0m, 100.0m, false), Figures(counties["华州区"]));
        Assert.Equal((50m, 0m, true), Goals(counties["华州区"]));
        Assert.Equal((30m, 20m, false), Goals(counties["临渭区"]));
        var countyB = app.CreateClientAs(PlatformRoles.CountyOperator, DashboardTree.OtherCountyCode);
        var own = await countyB.GetFromJsonAsync<JsonElement>("/api/dashboard/assessments/grading", Ct);
        Assert.Equal("华州区", own.GetProperty("unit").GetProperty("unitName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await countyB.GetAsync($"/api/dashboard/assessments/grading?unitId={app.Tree.Id(DashboardTree.CountyCode)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Before_any_grading_the_answer_is_an_empty_state()
    {
        await using var app = await DashboardApp.StartAsync();

        var city = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/dashboard/assessments/grading", Ct);

        Assert.Equal(JsonValueKind.Null, city.GetProperty("year").ValueKind);
        Assert.Equal((0, 0, 0, 0), (city.GetProperty("unit").GetProperty("inProgress").GetInt32(), city.GetProperty("unit").GetProperty("results").GetProperty("good").GetInt32(),
            city.GetProperty("unit").GetProperty("results").GetProperty("poor").GetInt32(), city.GetProperty("children").GetProperty("items")[0].GetProperty("inProgress").GetInt32()));
        Assert.Equal(JsonValueKind.Null, city.GetProperty("unit").GetProperty("met").ValueKind);
    }

    private static OrganizationGraded Graded(Guid grading, Guid round, Guid village, Grade grade, GradingStep step, long version) =>
        new(grading, version, round, 2026, Guid.NewGuid(), "610502001201", village, grade, step, null, DateTimeOffset.UtcNow);

    private static GradingTargetsChanged Targets(Guid round, Guid unit, decimal good, decimal poor) =>
        new(Guid.NewGuid(), 1, round, 2026, unit, good, poor, DateTimeOffset.UtcNow);

    private static (int, int, int, int, decimal?, decimal?, bool?) Figures(JsonElement unit)
    {
        var results = unit.GetProperty("results");
        return (results.GetProperty("good").GetInt32(), unit.GetProperty("inProgress").GetInt32(), results.GetProperty("average").GetInt32(),
            results.GetProperty("poor").GetInt32(), unit.GetProperty("goodShare").GetDecimal(), unit.GetProperty("poorShare").GetDecimal(), unit.GetProperty("met").GetBoolean());
    }

    private static (decimal, decimal, bool) Goals(JsonElement unit)
    {
        var targets = unit.GetProperty("targets");
        return (targets.GetProperty("goodShareAtLeast").GetDecimal(), targets.GetProperty("poorShareAtMost").GetDecimal(), targets.GetProperty("ownTargets").GetBoolean());
    }
}
