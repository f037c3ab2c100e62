using Microsoft.EntityFrameworkCore;
using PartyPlatform.TestInfrastructure.Fuzzing;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>Generated malformed requests to every Organizations write operation: never a 5xx, never a changed row.</summary>
public sealed class FuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_requests_to_every_write_are_refused_with_a_4xx_and_change_nothing()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync("""
            code,name,kind,parentCode,partyOrganization
            610500000000,渭南市,City,,
            610502000000,临渭区,District,610500000000,
            610502001000,东镇,Township,610502000000,
            610502001201,东一村,Village,610502001000,东一村党支部
            """);
        await using var db = app.OpenDb();
        var village = await db.Units.Where(u => u.Code == "610502001201").Select(u => u.Id).SingleAsync(Ct);

        var result = await new RequestFuzzer(app.CreateClient(), app.Database)
            .RunAsync(new Dictionary<string, string> { ["id"] = village.ToString() }, requests: 800, Ct);

        result.AssertAllRefused(minimumOperations: 5);
    }
}
