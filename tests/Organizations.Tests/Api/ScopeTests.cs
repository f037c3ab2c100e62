using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;
using PartyPlatform.TestInfrastructure.Authorization;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>Two counties side by side: each county's callers act in their own subtree only.</summary>
public sealed class ScopeTests
{
    private const string Csv = """
        code,name,kind,parentCode
        610500000000,渭南市,City,
        610502000000,临渭区,District,610500000000
        610502001000,东镇,Township,610502000000
        610502002000,西镇,Township,610502000000
        610502001201,东一村,Village,610502001000
        610502002201,西一村,Village,610502002000
        610503000000,华州区,District,610500000000
        610503001000,南镇,Township,610503000000
        610503001201,南一村,Village,610503001000
        """;

    private const string CountyA = "610502000000";
    private const string TownshipA = "610502001000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_county_lists_and_reads_only_its_own_subtree()
    {
        await using var app = await SeededAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, CountyA);

        var villages = await county.GetFromJsonAsync<JsonElement>("/api/organizations/units?level=Village", Ct);
        var other = await county.GetAsync($"/api/organizations/units/{await IdOfAsync(app, "610503001201")}", Ct);
        var byCode = await county.GetAsync("/api/organizations/unit-codes/610503000000", Ct);

        Assert.Equal(["610502001201", "610502002201"], villages.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).Order());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byCode.StatusCode);
    }

    [Fact]
    public async Task A_personnel_officer_reads_its_own_subtree_and_writes_nothing()
    {
        await using var app = await SeededAsync();
        var officer = app.CreateClientAs(PlatformRoles.PersonnelOfficer, CountyA);
        var village = await IdOfAsync(app, "610502001201");

        var villages = await officer.GetFromJsonAsync<JsonElement>("/api/organizations/units?level=Village", Ct);
        var other = await officer.GetAsync($"/api/organizations/units/{await IdOfAsync(app, "610503001201")}", Ct);
        var rename = await officer.PutAsJsonAsync($"/api/organizations/units/{village}/name", new { name = "东一新村" }, Ct);

        Assert.Equal(["610502001201", "610502002201"], villages.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).Order());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal("东一村", await db.Units.Where(u => u.Id == village).Select(u => u.Name).SingleAsync(Ct));
        // The same rename by the county's operator goes through: the refusal was the role's.
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, CountyA);
        Assert.Equal(HttpStatusCode.OK, (await county.PutAsJsonAsync($"/api/organizations/units/{village}/name", new { name = "东一新村" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_id_in_the_path_outside_the_callers_unit_is_not_found_for_writes_as_for_reads()
    {
        await using var app = await SeededAsync();
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TownshipA);
        var inside = await IdOfAsync(app, "610502001201");
        var outside = await IdOfAsync(app, "610502002201");

        var allowed = await township.PutAsJsonAsync($"/api/organizations/units/{inside}/name", new { name = "东一新村" }, Ct);
        var rename = await township.PutAsJsonAsync($"/api/organizations/units/{outside}/name", new { name = "越权村" }, Ct);
        var renameMissing = await township.PutAsJsonAsync($"/api/organizations/units/{Guid.NewGuid()}/name", new { name = "越权村" }, Ct);
        var merge = await township.PostAsJsonAsync($"/api/organizations/units/{outside}/merge", new { successorId = inside }, Ct);
        var read = await township.GetAsync($"/api/organizations/units/{outside}", Ct);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (rename.StatusCode, renameMissing.StatusCode, merge.StatusCode, read.StatusCode));
        // Nothing tells an id outside from an id that nothing has.
        Assert.Equal(await ProblemShapeAsync(renameMissing), await ProblemShapeAsync(rename));
        await using var db = app.OpenDb();
        var unit = await db.Units.SingleAsync(u => u.Id == outside, Ct);
        Assert.Equal(("西一村", false, 1L), (unit.Name, unit.Retired, unit.Version));
    }

    [Fact]
    public async Task A_body_naming_a_unit_outside_the_callers_unit_is_forbidden_and_changes_nothing()
    {
        await using var app = await SeededAsync();
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TownshipA);
        var inside = await IdOfAsync(app, "610502001201");
        var outside = await IdOfAsync(app, "610502002201");
        var before = await DatabaseSnapshot.TakeAsync(app.Database, Ct);

        var refused = new[]
        {
            await township.PostAsJsonAsync("/api/organizations/units",
                new { name = "越权二村", kind = "Village", code = "610502002202", parentId = await IdOfAsync(app, "610502002000") }, Ct),
            await township.PostAsJsonAsync($"/api/organizations/units/{inside}/merge", new { successorId = outside }, Ct),
            await township.PostAsJsonAsync("/api/organizations/party-organizations", new { name = "越权党支部", kind = "Enterprise", unitId = outside }, Ct),
            await township.PostAsync("/api/organizations/imports/units", new StringContent(
                "code,name,kind,parentCode\n610502002202,越权二村,Village,610502002000\n", Encoding.UTF8, "text/csv"), Ct),
        };

        Assert.All(refused, response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(app.Database, Ct));
    }

    public static TheoryData<string> BadTokens => new(TestTokens.BadKinds);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused(string kind)
    {
        await using var app = await SeededAsync();
        var client = app.CreateClientWith(TestTokens.Bad(kind));

        var response = await client.GetAsync("/api/organizations/units", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<OrganizationsApp> SeededAsync()
    {
        var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        return app;
    }

    /// <summary>The ProblemDetails' field names and the values that do not name the request.</summary>
    private static async Task<string> ProblemShapeAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return string.Join(", ", problem.EnumerateObject().Select(p => p.Name is "instance" or "traceId" ? p.Name : $"{p.Name}={p.Value}"));
    }

    private static async Task<Guid> IdOfAsync(OrganizationsApp app, string code)
    {
        await using var db = app.OpenDb();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }
}
