using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Fuzzing;

namespace PartyPlatform.Surveys.Tests.Api;

/// <summary>Generated malformed requests to every Surveys write operation: never a 5xx, never a changed row.</summary>
public sealed class FuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_requests_to_every_write_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await SurveysApp.StartAsync();
        var campaign = await app.CampaignAsync();
        var problem = await Problems.RaiseAsync(app.CreateClient(), campaign, TestTree.VillageCode(TestTree.TownshipCode, 1));

        var result = await new RequestFuzzer(app.CreateClient(), app.Database).RunAsync(new Dictionary<string, string>
        {
            ["id"] = campaign.ToString(),
            ["organizationId"] = app.OrganizationId(TestTree.VillageCode(TestTree.TownshipCode, 1)).ToString(),
            ["visitId"] = "1",
            ["problemId"] = problem.ToString(),
        }, requests: 300, Ct);

        result.AssertAllRefused(minimumOperations: 11);
    }
}
