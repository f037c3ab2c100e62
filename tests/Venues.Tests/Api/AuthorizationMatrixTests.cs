using Microsoft.EntityFrameworkCore;
using PartyPlatform.AdministrativeTree;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Venues.Tests.Api;

/// <summary>
/// Every Venues endpoint (from the running app's endpoint metadata) against every kind of caller,
/// aimed at real venues, funding lines, inspections and baseline rows of county B (华州区), each
/// write with a valid body. See the README's scope rule for what each caller is promised.
/// </summary>
public sealed class AuthorizationMatrixTests : ServiceAuthorizationMatrixTests<Program>
{
    /// <summary>County B (华州区, township 南镇) with four villages more than the shared tree: the targets want six.</summary>
    protected override async Task<(ServiceApp<Program> App, AuthorizationMatrix Matrix)> StartAsync()
    {
        var app = await VenuesApp.StartAsync();
        var township = app.Tree.Id(TestTree.OtherTownshipCode);
        await using (var db = app.OpenDb())
        {
            db.Units.AddRange(Enumerable.Range(3, 4).Select(n => UnitReplica.From(new AdministrativeUnitChanged(
                Guid.CreateVersion7(), 1, UnitChange.Created, $"南{n}村", UnitKind.Village, UnitLevel.Village,
                TestTree.VillageCode(TestTree.OtherTownshipCode, n), township, false, null, DateTimeOffset.UnixEpoch))));
            await db.SaveChangesAsync(Ct);
        }

        var county = new MatrixCounty(app.Tree.Id(TestTree.OtherCountyCode), TestTree.OtherTownshipCode, township, await VillagesAsync(app, township));
        var targets = (await VenuesMatrixTargets.CreateAsync(app.CreateClient(), county, Ct)).Foreign("华州区", "南镇", "南1村");
        return (app, new AuthorizationMatrix(MatrixOperation.FromEndpoints(app.Services), targets, (_, ct) => DatabaseSnapshot.TakeAsync(app.Database, ct)));
    }

    /// <summary>The township's villages by number.</summary>
    private static async Task<Dictionary<int, Guid>> VillagesAsync(VenuesApp app, Guid township)
    {
        await using var db = app.OpenDb();
        var villages = await db.Units.Where(u => u.ParentId == township).ToListAsync(Ct);
        return villages.ToDictionary(v => int.Parse(v.Code![9..]) - 200, v => v.Id);
    }
}
