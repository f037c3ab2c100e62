using System.Net.Http.Json;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Fuzzing;

namespace PartyPlatform.Personnel.Tests.Api;

/// <summary>Generated malformed requests to every Personnel write operation: never a 5xx, never a changed row.</summary>
public sealed class FuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_requests_to_every_write_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var person = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/people", People.Body(village), Ct));
        var post = await Created.IdAsync(await client.PostAsJsonAsync("/api/personnel/posts",
            new { personId = person, unitId = village, kind = "VillageSecretary", start = "2021-01-01" }, Ct));

        var result = await new RequestFuzzer(client, app.Database).RunAsync(new Dictionary<string, string>
        {
            ["id"] = post.ToString(),
            ["personId"] = person.ToString(),
            ["postId"] = post.ToString(),
        }, requests: 400, Ct);

        result.AssertAllRefused(minimumOperations: 10);
    }

    [Fact]
    public async Task Malformed_requests_aimed_at_a_graduate_official_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await PersonnelApp.StartAsync();
        var client = app.CreateClient();
        var village = app.Tree.Village(TestTree.TownshipCode, 1);
        var official = await GraduateOfficials.HireAsync(client, village, 1);
        var person = await GraduateOfficials.RegisterAsync(client, village, 2);

        // "id" names the official here, so that the requests to its writes reach their handlers.
        var result = await new RequestFuzzer(client, app.Database).RunAsync(new Dictionary<string, string>
        {
            ["id"] = official.ToString(),
            ["personId"] = person.ToString(),
            ["postId"] = Guid.NewGuid().ToString(), // no post: those writes are another test's
        }, requests: 400, Ct);

        result.AssertAllRefused(minimumOperations: 9);
    }
}
