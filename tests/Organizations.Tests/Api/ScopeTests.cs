using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

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
        var byCode = await county.GetAsync("/api/organizations/units/by-code/610503000000", Ct);

        Assert.Equal(["610502001201", "610502002201"], villages.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("code").GetString()!).Order());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byCode.StatusCode);
    }

    [Fact]
    public async Task A_write_outside_the_callers_unit_is_forbidden_and_changes_nothing()
    {
        await using var app = await SeededAsync();
        var township = app.CreateClientAs(PlatformRoles.TownshipOperator, TownshipA);
        var inside = await IdOfAsync(app, "610502001201");
        var outside = await IdOfAsync(app, "610502002201");

        var allowed = await township.PutAsJsonAsync($"/api/organizations/units/{inside}/name", new { name = "东一新村" }, Ct);
        var refused = await township.PutAsJsonAsync($"/api/organizations/units/{outside}/name", new { name = "越权村" }, Ct);
        var refusedImport = await township.PostAsync("/api/organizations/imports/units", new StringContent(
            "code,name,kind,parentCode\n610502002202,越权二村,Village,610502002000\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refusedImport.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal("西一村", (await db.Units.SingleAsync(u => u.Id == outside, Ct)).Name);
        Assert.False(await db.Units.AnyAsync(u => u.Code == "610502002202", Ct));
    }

    [Fact]
    public async Task Viewers_only_read()
    {
        await using var app = await SeededAsync();
        var viewer = app.CreateClientAs(PlatformRoles.Viewer, CountyA);
        var village = await IdOfAsync(app, "610502001201");

        var read = await viewer.GetAsync($"/api/organizations/units/{village}", Ct);
        var write = await viewer.PutAsJsonAsync($"/api/organizations/units/{village}/name", new { name = "看看村" }, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal("东一村", (await db.Units.SingleAsync(u => u.Id == village, Ct)).Name);
    }

    public static TheoryData<string> BadTokens => new(TestTokens.BadKinds);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused(string kind)
    {
        await using var app = await SeededAsync();
        var client = app.CreateAnonymousClient();
        if (TestTokens.Bad(kind) is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync("/api/organizations/units", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<OrganizationsApp> SeededAsync()
    {
        var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        return app;
    }

    private static async Task<Guid> IdOfAsync(OrganizationsApp app, string code)
    {
        await using var db = app.OpenDb();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }
}
