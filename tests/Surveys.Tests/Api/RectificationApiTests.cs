using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PartyPlatform.Contracts.Surveys;
using PartyPlatform.Security;
using PartyPlatform.Surveys.Rectification;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Surveys.Tests.Api;

public sealed class RectificationApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Village1 = TestTree.VillageCode(TestTree.TownshipCode, 1);

    [Fact]
    public async Task The_township_works_a_rectification_and_the_county_verifies_and_closes_it_with_an_answer_each_step_recorded_and_published()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode);
        var otherTownship = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.SecondTownshipCode);
        var problem = await Problems.RaiseAsync(county, campaign, Village1);

        var assign = await Problems.StepAsync(county, problem, "assign", Problems.Assignment(app.Tree.Id(TestTree.TownshipCode)));
        var notSeen = await Problems.StepAsync(otherTownship, problem, "start");
        var start = await Problems.StepAsync(township, problem, "start", new { note = "已联系施工队" });
        var resolve = await Problems.StepAsync(township, problem, "resolve");
        var townshipVerifies = await Problems.StepAsync(township, problem, "verify");
        var verify = await Problems.StepAsync(county, problem, "verify");
        var closeWithoutAnswer = await Problems.StepAsync(county, problem, "close");
        var close = await Problems.StepAsync(county, problem, "close", new { answer = "村道已硬化，已在村务公开栏向群众公示" });

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK],
            new[] { assign, notSeen, start, resolve, townshipVerifies, verify, closeWithoutAnswer, close }.Select(r => r.StatusCode));
        await Problems.AssertRefusedAsync(closeWithoutAnswer, "answer", "事事有交代");
        var closed = await close.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Closed", "村道已硬化，已在村务公开栏向群众公示"), (closed.GetProperty("stage").GetString(), closed.GetProperty("answer").GetString()));
        Assert.Equal(["Assigned", "InProgress", "Resolved", "Verified", "Closed"],
            closed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal("已联系施工队", closed.GetProperty("steps")[1].GetProperty("note").GetString());
        var published = (await app.PublishedAsync<ProblemChanged>()).Where(e => e.ProblemId == problem).ToList();
        Assert.Equal(
            [(1L, RectificationStage.Open), (2, RectificationStage.Assigned), (3, RectificationStage.InProgress), (4, RectificationStage.Resolved),
                (5, RectificationStage.Verified), (6, RectificationStage.Closed)],
            published.Select(e => (e.Version, e.Stage)));
        Assert.True(published[^1].Answered);
        Assert.NotNull(published[^1].ClosedAt);
    }

    [Fact]
    public async Task A_step_out_of_order_or_a_deadline_before_the_problem_is_refused_naming_the_field_and_changes_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();
        var problem = await Problems.RaiseAsync(city, campaign, Village1, raisedOn: "2026-06-05");
        var township = app.Tree.Id(TestTree.TownshipCode);

        var early = await Problems.StepAsync(city, problem, "assign", Problems.Assignment(township, "2026-06-04"));
        var skipped = await Problems.StepAsync(city, problem, "resolve");
        var closeOpen = await Problems.StepAsync(city, problem, "close", new { answer = "已答复" });
        var unknownUnit = await Problems.StepAsync(city, problem, "assign", Problems.Assignment(Guid.CreateVersion7()));

        await Problems.AssertRefusedAsync(early, "deadline", "2026-06-04");
        await Problems.AssertRefusedAsync(skipped, "stage", "Open");
        await Problems.AssertRefusedAsync(closeOpen, "stage", "Open");
        await Problems.AssertRefusedAsync(unknownUnit, "responsibleUnitId", "No unit");
        await using var db = app.OpenDb();
        var stored = await db.Problems.SingleAsync(Ct);
        Assert.Equal((RectificationStage.Open, 1L, (DateOnly?)null), (stored.Stage, stored.Version, stored.Deadline));
        Assert.False(await db.ProblemSteps.AnyAsync(Ct));
    }

    [Fact]
    public async Task An_open_rectification_becomes_overdue_by_itself_once_across_a_restart_and_is_listed_with_its_county()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var city = app.CreateClient();
        var late = await Problems.RaiseAsync(city, campaign, Village1);
        var inTime = await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.OtherTownshipCode, 1));
        var done = await Problems.RaiseAsync(city, campaign, TestTree.VillageCode(TestTree.TownshipCode, 2));
        await Problems.AdvanceAsync(city, late, app.Tree.Id(TestTree.TownshipCode), "start", deadline: "2026-06-20");
        await Problems.AdvanceAsync(city, inTime, app.Tree.Id(TestTree.OtherTownshipCode), "assign", deadline: "2026-12-31");
        await Problems.AdvanceAsync(city, done, app.Tree.Id(TestTree.TownshipCode), "resolve", deadline: "2026-06-20");

        // 21 June in the city: the watch wakes on the moved clock by itself; no request asks for the check.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 6, 21, 0, 5, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        await Eventually.TrueAsync(async () => (await app.PublishedAsync<ProblemChanged>()).Any(e => e.Overdue), TimeSpan.FromSeconds(30));
        app.Time.Advance(TimeSpan.FromDays(2));
        await using (var restarted = app.Restarted())
        {
            await using var scope = restarted.Services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OverdueCheck>().RunAsync(Ct));
        }

        var overdue = (await app.PublishedAsync<ProblemChanged>()).Where(e => e.Overdue).ToList();
        Assert.Equal((late, RectificationStage.InProgress), (Assert.Single(overdue).ProblemId, overdue[0].Stage));
        var listed = await city.GetFromJsonAsync<JsonElement>("/api/surveys/problems/overdue", Ct);
        var row = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal((late, "临渭区", "东镇", "2026-06-20"),
            (row.GetProperty("problemId").GetGuid(), row.GetProperty("countyName").GetString(), row.GetProperty("responsibleUnitName").GetString(),
                row.GetProperty("deadline").GetString()));
        var otherCounty = await app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.OtherCountyCode).GetFromJsonAsync<JsonElement>("/api/surveys/problems/overdue", Ct);
        Assert.Equal(0, otherCounty.GetProperty("totalCount").GetInt32());
        // Resolved late, it leaves the list; the mark stays as the record that it was late.
        (await Problems.StepAsync(city, late, "resolve", new { answer = "已修复" })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await city.GetFromJsonAsync<JsonElement>("/api/surveys/problems/overdue", Ct)).GetProperty("totalCount").GetInt32());
        await using var db = app.OpenDb();
        Assert.NotNull((await db.Problems.SingleAsync(p => p.Id == late, Ct)).OverdueAt);
    }
}
