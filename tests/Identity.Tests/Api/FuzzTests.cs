using PartyPlatform.TestInfrastructure.Fuzzing;

namespace PartyPlatform.Identity.Tests.Api;

/// <summary>Generated malformed requests to Identity's admin writes: never a 5xx, never a changed row.</summary>
public sealed class FuzzTests
{
    [Fact]
    public async Task Malformed_requests_to_every_write_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();

        var result = await new RequestFuzzer(app.CreateClient(), app.Database)
            .RunAsync(new Dictionary<string, string>(), requests: 300, TestContext.Current.CancellationToken);

        result.AssertAllRefused(minimumOperations: 2);
    }
}
