using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>
/// Every Organizations endpoint (from the running app's endpoint metadata) against every kind of
/// caller, aimed at a village of county B. See README "Access" for the rule it checks.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Csv = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610502001000,东镇,Township,610502000000,
        610502001201,东一村,Village,610502001000,东一村党支部
        610503000000,华州区,District,610500000000,
        610503001000,南镇,Township,610503000000,
        610503001201,南一村,Village,610503001000,南一村党支部
        """;

    private const string CountyBCode = "610503";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> RefusedAtTheDoor => new(TestTokens.BadKinds);

    [Theory]
    [MemberData(nameof(RefusedAtTheDoor))]
    public async Task Callers_without_a_valid_token_get_401_everywhere(string token)
    {
        var (app, matrix, calls) = await StartAsync();
        await using (app)
        {
            Assert.Empty(await matrix.NotRefusedAsync(calls, TestTokens.Bad(token), Ct));
            await AssertCountyBUnchangedAsync(app);
        }
    }

    public static TheoryData<string, string> ScopedCallers => new()
    {
        { PlatformRoles.CountyOperator, "610502000000" },
        { PlatformRoles.TownshipOperator, "610502001000" },
        { PlatformRoles.Viewer, "610502000000" },
    };

    [Theory]
    [MemberData(nameof(ScopedCallers))]
    public async Task A_caller_of_county_A_neither_sees_nor_changes_county_B(string role, string unitCode)
    {
        var (app, matrix, calls) = await StartAsync();
        await using (app)
        {
            Assert.Empty(await matrix.ScopeViolationsAsync(calls, role, TestTokens.For(role, unitCode), [CountyBCode, "南一村"], Ct));
            await AssertCountyBUnchangedAsync(app);
        }
    }

    [Fact]
    public async Task The_city_administrator_is_let_through_everywhere()
    {
        var (app, matrix, calls) = await StartAsync();
        await using (app)
        {
            Assert.Empty(await matrix.RefusedAsync(calls, TestTokens.CityAdministrator(), Ct));
        }
    }

    private static async Task<(OrganizationsApp App, AuthorizationMatrix Matrix, IReadOnlyList<AuthorizationMatrix.Call> Calls)> StartAsync()
    {
        var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        await using var db = app.OpenDb();
        var village = await db.Units.SingleAsync(u => u.Code == "610503001201", Ct);
        var organization = await db.PartyOrganizations.SingleAsync(o => o.UnitId == village.Id, Ct);
        var matrix = new AuthorizationMatrix(app.Services, app.CreateAnonymousClient);
        var calls = matrix.Calls(new Dictionary<string, string>
        {
            // Both the unit and the organisation endpoints take {id}; the two ids are tried in turn.
            ["id"] = village.Id.ToString(),
            ["code"] = village.Code!,
        });
        var organizationCalls = calls.Where(c => c.Path.Contains("/party-organizations/", StringComparison.Ordinal))
            .Select(c => c with { Path = c.Path.Replace(village.Id.ToString(), organization.Id.ToString()) });
        return (app, matrix, calls.Concat(organizationCalls).ToList());
    }

    private static async Task AssertCountyBUnchangedAsync(OrganizationsApp app)
    {
        await using var db = app.OpenDb();
        Assert.All(await db.Units.Where(u => u.Code!.StartsWith(CountyBCode)).ToListAsync(Ct), unit => Assert.Equal(1, unit.Version));
        Assert.All(await db.PartyOrganizations.ToListAsync(Ct), organization => Assert.Equal(1, organization.Version));
    }
}
