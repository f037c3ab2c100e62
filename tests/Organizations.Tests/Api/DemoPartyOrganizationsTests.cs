using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Organizations.DemoData;

namespace PartyPlatform.Organizations.Tests.Api;

public sealed class DemoPartyOrganizationsTests
{
    private const string Csv = """
        code,name,kind,parentCode
        610500000000,渭南市,City,
        610502000000,临渭区,District,610500000000
        610502001000,一街道,Street,610502000000
        610502002000,二街道,Street,610502000000
        610502003000,三街道,Street,610502000000
        610502004000,四镇,Township,610502000000
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_bodies_get_assigned_codes_on_the_townships_the_tree_has_and_are_added_once()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        await using var db = app.OpenDb();

        var added = await DemoPartyOrganizations.AddMissingAsync(db, TimeProvider.System, Ct);
        var again = await DemoPartyOrganizations.AddMissingAsync(db, TimeProvider.System, Ct);

        // 临渭区's five bodies go on its townships 1 to 5; the fifth township is not in this tree.
        Assert.Equal((4, 0), (added, again));
        var codes = await db.PartyOrganizations.Where(o => o.Kind != PartyOrganizationKind.Village)
            .Select(o => o.Code).OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal(["610502001000E001", "610502002000E001", "610502003000E001", "610502004000S001"], codes);
        Assert.Equal(4, (await app.PublishedAsync<PartyOrganizationChanged>()).Count(e => e.Change == UnitChange.Created));
    }
}
