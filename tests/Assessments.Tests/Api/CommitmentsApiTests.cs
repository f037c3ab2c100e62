using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Assessments.Commitments;
using PartyPlatform.Assessments.Secretaries;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>A secretary's public commitment (亮诺、践诺、评诺): made, kept with progress, evaluated by the level above, overdue on the city's today.</summary>
public sealed class CommitmentsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commitment_is_made_kept_and_evaluated_by_the_level_above_which_closes_it()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var maker = Guid.NewGuid();
        var township = app.CreateClientAsPerson(PlatformRoles.TownshipOperator, TestTree.TownshipCode, maker);
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, TestTree.CountyCode);
        var post = await Secretaries.AddPostAsync(app, TestTree.TownshipCode, PostKind.TownshipSecretary);

        var id = await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(township, post, new DateOnly(2026, 12, 20)));
        await Secretaries.BodyAsync(await township.PostAsJsonAsync($"/api/assessments/commitments/{id}/progress", new { note = "主体工程完工" }, Ct), HttpStatusCode.OK);
        await Secretaries.BodyAsync(await township.PostAsJsonAsync($"/api/assessments/commitments/{id}/progress", new { note = "已投入使用" }, Ct), HttpStatusCode.OK);
        var byTownship = await township.PostAsJsonAsync($"/api/assessments/commitments/{id}/evaluation", new { rating = "Good" }, Ct);
        var evaluated = await Secretaries.BodyAsync(
            await county.PostAsJsonAsync($"/api/assessments/commitments/{id}/evaluation", new { rating = "Good", comment = "按期兑现" }, Ct), HttpStatusCode.OK);
        var progressAfter = await township.PostAsJsonAsync($"/api/assessments/commitments/{id}/progress", new { note = "补充" }, Ct);
        var evaluatedAgain = await county.PostAsJsonAsync($"/api/assessments/commitments/{id}/evaluation", new { rating = "Poor" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byTownship.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, progressAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, evaluatedAgain.StatusCode);
        Assert.Equal(("Evaluated", 2), (evaluated.GetProperty("step").GetString(), evaluated.GetProperty("progress").GetArrayLength()));
        await using var db = app.OpenDb();
        var commitment = await db.Commitments.SingleAsync(Ct);
        Assert.Equal((post, app.Tree.Id(TestTree.TownshipCode), 2026, new DateOnly(2026, 12, 20), CommitmentStep.Evaluated, Rating.Good, "按期兑现", maker.ToString(), 4L),
            (commitment.PostId, commitment.UnitId, commitment.Year, commitment.DueOn, commitment.Step, commitment.Rating, commitment.Comment, commitment.MadeBy, commitment.Version));
        Assert.Equal(["主体工程完工", "已投入使用"], await db.CommitmentProgress.OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).Select(p => p.Note).ToListAsync(Ct));
        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(CommitmentProgress), Ct));
        Assert.Contains(await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(Commitment)).ToListAsync(Ct),
            a => a.Changes.Contains("按期兑现") && a.EntityId == id.ToString());
    }

    [Fact]
    public async Task A_commitment_is_overdue_once_its_due_date_has_passed_unevaluated_on_the_citys_calendar()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var post = await Secretaries.AddPostAsync(app, TestTree.VillageCode(TestTree.TownshipCode, 1), PostKind.VillageSecretary);
        var dueSoon = await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(city, post, new DateOnly(2026, 12, 3)));
        var evaluatedEarly = await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(city, post, new DateOnly(2026, 12, 2)));
        await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(city, post, new DateOnly(2026, 12, 30)));
        (await city.PostAsJsonAsync($"/api/assessments/commitments/{evaluatedEarly}/evaluation", new { rating = "FairlyGood" }, Ct)).EnsureSuccessStatusCode();
        const string overdue = "/api/assessments/commitments?overdue=true";

        var onTheDueDate = await Secretaries.BodyAsync(await city.GetAsync(overdue, Ct), HttpStatusCode.OK);
        // 3 December, 23:59 in the city is still the due date; 00:00 on the 4th is past it (in UTC still the 3rd).
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 23, 59, 0, TimeSpan.FromHours(8)));
        var lastMinute = await Secretaries.BodyAsync(await city.GetAsync(overdue, Ct), HttpStatusCode.OK);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(8)));
        var dayAfter = await Secretaries.BodyAsync(await city.GetAsync(overdue, Ct), HttpStatusCode.OK);
        var one = await Secretaries.BodyAsync(await city.GetAsync($"/api/assessments/commitments/{dueSoon}", Ct), HttpStatusCode.OK);
        var notOverdue = await Secretaries.BodyAsync(await city.GetAsync("/api/assessments/commitments?overdue=false", Ct), HttpStatusCode.OK);

        Assert.Equal(0, onTheDueDate.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, lastMinute.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, dayAfter.GetProperty("totalCount").GetInt32());
        Assert.Equal(dueSoon, dayAfter.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.True(one.GetProperty("overdue").GetBoolean());
        Assert.Equal(2, notOverdue.GetProperty("totalCount").GetInt32());
        Assert.All(notOverdue.GetProperty("items").EnumerateArray(), c => Assert.False(c.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_post_outside_the_callers_unit_is_403()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TestTree.TownshipCode);
        var village = TestTree.VillageCode(TestTree.TownshipCode, 1);
        var post = await Secretaries.AddPostAsync(app, village, PostKind.VillageSecretary);
        var elsewhere = await Secretaries.AddPostAsync(app, TestTree.VillageCode(TestTree.SecondTownshipCode, 1), PostKind.VillageSecretary);
        var director = await Secretaries.AddPostAsync(app, village, PostKind.VillageCommitteeDirector);

        await Problems.AssertRefusedAsync(await Secretaries.MakeCommitmentAsync(township, post, new DateOnly(2027, 1, 15)), "dueOn");
        await Problems.AssertRefusedAsync(await Secretaries.MakeCommitmentAsync(township, Guid.NewGuid(), new DateOnly(2026, 12, 15)), "postId");
        await Problems.AssertRefusedAsync(await Secretaries.MakeCommitmentAsync(township, director, new DateOnly(2026, 12, 15)), "postId");
        await Problems.AssertRefusedAsync(await Secretaries.MakeCommitmentAsync(township, post, new DateOnly(2019, 12, 15), 2019), "year");
        var outside = await Secretaries.MakeCommitmentAsync(township, elsewhere, new DateOnly(2026, 12, 15));

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Commitments.CountAsync(Ct));
    }
}
