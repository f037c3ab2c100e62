using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.Assessments.Facts;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.Contracts.Venues;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>
/// What the reports and commitments tests share: Personnel's posts and Venues' deadline facts written straight into the
/// service's copies (as the consumers keep them), and the calls that take a report or a commitment a step on.
/// </summary>
public static class Secretaries
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A term in a post on the unit of <paramref name="unitCode"/>, as Personnel published it; its post id.</summary>
    public static async Task<Guid> AddPostAsync(AssessmentsApp app, string unitCode, PostKind kind, DateOnly? start = null, DateOnly? end = null)
    {
        var post = new PostChanged(Guid.CreateVersion7(), 1, Guid.CreateVersion7(), app.Tree.Id(unitCode), kind, start ?? new DateOnly(2021, 1, 1), end,
            AssessmentsApp.Start);
        await using var db = app.OpenDb();
        db.Posts.Add(FactCopy<PostChanged>.From(post));
        await db.SaveChangesAsync(Ct);
        return post.PostId;
    }

    /// <summary>Venues' fact that the county of <paramref name="countyCode"/> missed a venue deadline; its id.</summary>
    public static async Task<Guid> AddDeadlineFactAsync(AssessmentsApp app, string countyCode, DateOnly deadline, decimal coverage = 75m)
    {
        var fact = new VenueDeadlineMissed(Guid.CreateVersion7(), app.Tree.Id(countyCode), countyCode == TestTree.CountyCode ? "临渭区" : "华州区", countyCode,
            UnitLevel.County, deadline, 40, (int)(40 * coverage / 100), coverage, $"截止{deadline:yyyy年M月d日}活动场所覆盖率{coverage}%", AssessmentsApp.Start);
        await using var db = app.OpenDb();
        db.VenueDeadlineFacts.Add(VenueDeadlineFact.From(fact));
        await db.SaveChangesAsync(Ct);
        return fact.FactId;
    }

    public static Task<HttpResponseMessage> SubmitReportAsync(HttpClient caller, Guid post, int year = 2026) =>
        caller.PostAsJsonAsync("/api/assessments/secretary-reports", new { postId = post, year, text = "全年抓党建工作述职：召开专题会议12次，整顿软弱涣散村2个" }, Ct);

    public static Task<HttpResponseMessage> RateAsync(HttpClient caller, Guid report, string rating, string? comment = null) =>
        caller.PostAsJsonAsync($"/api/assessments/secretary-reports/{report}/ratings", new { rating, comment }, Ct);

    public static Task<HttpResponseMessage> MakeCommitmentAsync(HttpClient caller, Guid post, DateOnly dueOn, int year = 2026) =>
        caller.PostAsJsonAsync("/api/assessments/commitments", new { postId = post, year, content = "年底前建成村级活动场所并投入使用", dueOn }, Ct);

    /// <summary>The id of what a successful call created (or answered), failing with the body otherwise.</summary>
    public static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
