using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>
/// Every Organizations endpoint (from the running app's endpoint metadata) against every kind of
/// caller, aimed at real units and Party organisations of county B (华州区), each write with a valid
/// body. See the README's scope rule for what each caller is promised.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
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
        610503001202,南二村,Village,610503001000,南二村党支部
        610503001203,南三村,Village,610503001000,南三村党支部
        """;

    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        var targets = (await OrganizationsMatrixTargets.CreateAsync(app.CreateClient(), "610503001000", Ct)).Foreign("华州区", "南镇", "南一村");
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }
}
