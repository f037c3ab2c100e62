using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Assessments.CountyScoring;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Assessments;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.Messaging.Inbox;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>The county target-responsibility assessment: entered and derived points, deductions once per fact, the ranking explained.</summary>
public sealed class CountyAssessmentApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entered_points_rank_the_counties_publish_each_score_and_are_audited()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var (countyA, countyB) = (app.Tree.Id(TestTree.CountyCode), app.Tree.Id(TestTree.OtherCountyCode));
        await CountyAssessments.OpenAsync(city);

        var response = await city.PutAsJsonAsync($"/api/assessments/county-assessments/2026/counties/{countyB}/scores/responsibility",
            new { points = 18.5, note = "责任清单落实" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var score = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((18.5m, 1, 2), (score.GetProperty("total").GetDecimal(), score.GetProperty("rank").GetInt32(), score.GetProperty("counties").GetInt32()));
        Assert.Equal(18.5m, CountyAssessments.Points(score, "responsibility"));

        var ranking = await city.GetFromJsonAsync<JsonElement>("/api/assessments/county-assessments/2026/ranking", Ct);
        var rows = ranking.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("countyId").GetGuid(), r.GetProperty("rank").GetInt32(), r.GetProperty("total").GetDecimal())).ToList();
        Assert.Equal([(countyB, 1, 18.5m), (countyA, 2, 0m)], rows);

        var exported = (await city.GetStringAsync("/api/assessments/county-assessments/2026/ranking/export", Ct))
            .TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(3, exported.Length);
        Assert.StartsWith("名次,县区,总分,扣分,抓党建责任(20),升级晋档(20)", exported[0]);
        Assert.StartsWith("1,华州区,18.50,0,18.5,0", exported[1]);
        Assert.StartsWith("2,临渭区,0.00,0,", exported[2]);

        var published = await app.PublishedAsync<CountyScoreChanged>();
        var newest = published.Where(e => e.CountyId == countyB).MaxBy(e => e.Version)!;
        Assert.Equal((2026, "华州区", 18.5m, 1, 2L), (newest.Year, newest.CountyName, newest.Total, newest.Rank, newest.Version));
        Assert.Contains(newest.Indicators, i => i is { Code: "responsibility", Points: 18.5m, Basis: "录入：责任清单落实" });
        Assert.Equal(2L, published.Where(e => e.CountyId == countyA).Max(e => e.Version));

        await using var db = app.OpenDb();
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == nameof(EnteredScore), Ct);
        Assert.Equal(("Added", true), (audit.Action, audit.Changes.Contains("18.5")));
    }

    [Fact]
    public async Task Coverage_gives_the_venue_points_and_a_missed_deadline_deducts_once_however_often_it_arrives_or_the_watch_runs()
    {
        await using var app = await AssessmentsApp.StartAsync();
        await app.WaitForBusAsync();
        var city = app.CreateClient();
        var county = app.Tree.Id(TestTree.CountyCode);
        await CountyAssessments.OpenAsync(city);
        Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync("/api/assessments/county-assessments/2026/indicators", CountyAssessments.Indicators(40, 60), Ct)).StatusCode);

        var missed = new VenueDeadlineMissed(Guid.NewGuid(), county, "临渭区", TestTree.CountyCode, UnitLevel.County, new DateOnly(2026, 11, 30), 40, 30, 75m,
            "截止2026年11月30日活动场所覆盖率75%", AssessmentsApp.Start);
        await app.PublishAsync(new VenueCoverageChanged(county, 5, "临渭区", TestTree.CountyCode, UnitLevel.County, 40, 30, 75m, AssessmentsApp.Start), Guid.NewGuid(), Ct);
        await app.PublishAsync(missed, Guid.NewGuid(), Ct);
        await app.PublishAsync(missed, Guid.NewGuid(), Ct);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = app.OpenDb();
            return await db.VenueCoverages.AnyAsync(Ct)
                   && await db.Set<InboxMessage>().CountAsync(m => m.Consumer == Facts.VenueDeadlineMissedConsumer.Name, Ct) == 2;
        }, Timeout);

        await RankAsync(app);
        await RankAsync(app);

        var score = await CountyAssessments.ScoreAsync(city, county);
        Assert.Equal(45m, CountyAssessments.Points(score, "venues"));
        Assert.Equal("活动场所覆盖率75%（30/40个村）", score.GetProperty("indicators")[1].GetProperty("basis").GetString());
        var deduction = Assert.Single(score.GetProperty("deductions").EnumerateArray());
        Assert.Equal(("活动场所建设未按期完成", 10m, missed.Reason, missed.FactId),
            (deduction.GetProperty("rule").GetString(), deduction.GetProperty("points").GetDecimal(), deduction.GetProperty("reason").GetString(), deduction.GetProperty("factId").GetGuid()));
        Assert.Equal(35m, score.GetProperty("total").GetDecimal());

        await using var after = app.OpenDb();
        Assert.Equal(1, await after.CountyDeductions.CountAsync(Ct));
        // Opened (1), the indicator change (2), the facts' first run (3); the second run moved nothing.
        Assert.Equal(3L, (await app.PublishedAsync<CountyScoreChanged>()).Where(e => e.CountyId == county).Max(e => e.Version));
    }

    [Fact]
    public async Task Bad_indicator_sets_and_points_are_refused_naming_the_field_and_change_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var county = app.Tree.Id(TestTree.CountyCode);
        await CountyAssessments.OpenAsync(city);
        var before = await city.GetFromJsonAsync<JsonElement>("/api/assessments/county-assessments/2026", Ct);

        await AssertProblemAsync(await city.PutAsJsonAsync("/api/assessments/county-assessments/2026/indicators", CountyAssessments.Indicators(40, 55), Ct),
            HttpStatusCode.BadRequest, "indicators", "sum to 95");
        await AssertProblemAsync(await city.PutAsJsonAsync($"/api/assessments/county-assessments/2026/counties/{county}/scores/venues", new { points = 5 }, Ct),
            HttpStatusCode.BadRequest, "code", "VenueCoverage");
        await AssertProblemAsync(await city.PutAsJsonAsync($"/api/assessments/county-assessments/2026/counties/{county}/scores/responsibility", new { points = 21 }, Ct),
            HttpStatusCode.BadRequest, "points", "0 to 20");
        await AssertProblemAsync(await city.PutAsJsonAsync($"/api/assessments/county-assessments/2026/counties/{county}/scores/nothing", new { points = 1 }, Ct),
            HttpStatusCode.BadRequest, "code", "no indicator 'nothing'");
        await AssertProblemAsync(await city.PostAsJsonAsync("/api/assessments/county-assessments", new { year = 2026 }, Ct), HttpStatusCode.Conflict, null, "open already");
        var badSource = new { indicators = new[] { new { code = "x", name = "x", weight = 100, source = "Guess" } }, deductions = Array.Empty<object>() };
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PutAsJsonAsync("/api/assessments/county-assessments/2026/indicators", badSource, Ct)).StatusCode);

        Assert.Equal(before.GetRawText(), (await city.GetFromJsonAsync<JsonElement>("/api/assessments/county-assessments/2026", Ct)).GetRawText());
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.EnteredScores.CountAsync(Ct));
    }

    [Fact]
    public async Task A_county_and_its_townships_read_only_that_county_s_score_and_row()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var (countyA, countyB) = (app.Tree.Id(TestTree.CountyCode), app.Tree.Id(TestTree.OtherCountyCode));
        await CountyAssessments.OpenAsync(city);

        foreach (var caller in new[] { app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode), app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode) })
        {
            var ranking = await caller.GetFromJsonAsync<JsonElement>("/api/assessments/county-assessments/2026/ranking", Ct);
            Assert.Equal([countyA], ranking.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("countyId").GetGuid()));
            Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync($"/api/assessments/county-assessments/2026/counties/{countyA}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync($"/api/assessments/county-assessments/2026/counties/{countyB}", Ct)).StatusCode);
        }
    }

    private static async Task RankAsync(AssessmentsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CountyRanking>().RunAsync(Ct);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field, string detail)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, body);
        Assert.Contains(detail, body);
        if (field is not null)
        {
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        }
    }
}
