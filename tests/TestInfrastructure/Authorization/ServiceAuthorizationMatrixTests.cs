using PartyPlatform.Security;
using Xunit;

namespace PartyPlatform.TestInfrastructure.Authorization;

/// <summary>
/// The authorization matrix tests every service runs (see the README's scope rule). A service's
/// test class derives from this and gives only its app, the entities of county B (华州区, 610503000000)
/// and a body for each write; the outsiders belong to county A (临渭区) and its township 东镇.
/// </summary>
public abstract class ServiceAuthorizationMatrixTests<TEntryPoint> where TEntryPoint : class
{
    public const string CountyA = "610502000000";
    public const string TownshipA = "610502001000";
    public const string CountyB = "610503000000";

    public static TheoryData<string> RefusedAtTheDoor => new(TestTokens.BadKinds);

    public static TheoryData<string, string> Outsiders => new()
    {
        { PlatformRoles.CountyOperator, CountyA },
        { PlatformRoles.TownshipOperator, TownshipA },
        { PlatformRoles.Viewer, CountyA },
        { PlatformRoles.PersonnelOfficer, CountyA },
    };

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(RefusedAtTheDoor))]
    public async Task Callers_without_a_valid_token_get_401_everywhere(string token)
    {
        var (app, matrix) = await StartAsync();
        await using (app)
        {
            (await matrix.RefusedAtTheDoorAsync(token, app.CreateClientWith(TestTokens.Bad(token)), Ct)).ThrowIfViolated();
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public Task A_caller_outside_county_B_gets_what_the_scope_rule_promises_and_county_B_succeeds(string role, string unitCode) =>
        OutsiderAsync(role, unitCode);

    [Fact]
    public async Task The_city_administrator_reads_and_makes_every_call()
    {
        var (app, matrix) = await StartAsync();
        await using (app)
        {
            (await matrix.CityAsync(app.CreateClient(), Ct)).ThrowIfViolated();
        }
    }

    /// <summary>A fresh app holding county B's entities, and the matrix aimed at them.</summary>
    protected abstract Task<(ServiceApp<TEntryPoint> App, AuthorizationMatrix Matrix)> StartAsync();

    /// <summary>The matrix for one caller outside county B; the statuses it got are written to the test's output.</summary>
    protected async Task OutsiderAsync(string role, string unitCode)
    {
        var (app, matrix) = await StartAsync();
        await using (app)
        {
            var outsider = new MatrixCaller(role, app.CreateClientAs(role, unitCode), IsViewer: role is PlatformRoles.Viewer or PlatformRoles.PersonnelOfficer, Role: role);
            var countyB = new MatrixCaller("county B", app.CreateClientAs(PlatformRoles.CountyOperator, CountyB));

            var report = await matrix.OutsideTheUnitAsync(
                [outsider], countyB, app.CreateClient(), other => new MatrixCaller($"{other} of county B", app.CreateClientAs(other, CountyB), Role: other), Ct);

            TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
            report.ThrowIfViolated();
        }
    }
}
