using System.Net.Http.Json;
using PartyPlatform.Contracts.Personnel;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Fuzzing;

namespace PartyPlatform.Assessments.Tests.Api;

/// <summary>Generated malformed requests to every Assessments write operation: never a 5xx, never a changed row.</summary>
public sealed class FuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_requests_to_every_write_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await AssessmentsApp.StartAsync();
        var city = app.CreateClient();
        var round = await Gradings.OpenRoundAsync(city);
        var organization = app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1));
        var grading = await Gradings.GradedAsync(city, round, organization, last: "review");
        await CountyAssessments.OpenAsync(city);
        var post = await Secretaries.AddPostAsync(app, TestTree.TownshipCode, PostKind.TownshipSecretary);
        var report = await Secretaries.IdOfAsync(await Secretaries.SubmitReportAsync(city, post));
        (await Secretaries.RateAsync(city, report, "Good")).EnsureSuccessStatusCode();
        var commitment = await Secretaries.IdOfAsync(await Secretaries.MakeCommitmentAsync(city, post, new DateOnly(2026, 12, 20)));
        await Secretaries.AddDeadlineFactAsync(app, TestTree.CountyCode, new DateOnly(2013, 12, 31));
        var special = await Secretaries.IdOfAsync(await city.PostAsJsonAsync("/api/assessments/special-reports",
            new { countyId = app.Tree.Id(TestTree.CountyCode), text = "专项述职" }, Ct));

        var result = await new RequestFuzzer(city, app.Database).RunAsync(new Dictionary<string, string>
        {
            ["roundId"] = round.ToString(),
            ["organizationId"] = organization.ToString(),
            ["gradingId"] = grading.ToString(),
            ["countyId"] = app.Tree.Id(TestTree.CountyCode).ToString(),
            ["year"] = "2026",
            ["code"] = "responsibility",
            ["kind"] = "Villages",
            ["reportId"] = report.ToString(),
            ["commitmentId"] = commitment.ToString(),
            ["specialReportId"] = special.ToString(),
        }, requests: 200, Ct);

        result.AssertAllRefused(minimumOperations: 21);
    }
}
