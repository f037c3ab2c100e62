using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

public sealed class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rename_is_on_record_with_its_values_before_and_after()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        var created = await (await client.PostAsJsonAsync("/api/organizations/units",
            new { name = "渭南市", kind = "City", code = "610500000000" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = created.GetProperty("id").GetGuid();

        (await client.PutAsJsonAsync($"/api/organizations/units/{id}/name", new { name = "渭南" }, Ct)).EnsureSuccessStatusCode();

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/organizations/audit?entityType=AdministrativeUnit&entityId={id}", Ct);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Modified", "Added"], entries.Select(e => e.GetProperty("action").GetString()));
        var rename = entries[0];
        Assert.Equal("PUT /api/organizations/units/{id:guid}/name", rename.GetProperty("operation").GetString());
        // A system's token: the system is both the actor and the client.
        Assert.Equal(("test-client", "test-client", "610500000000"),
            (rename.GetProperty("actor").GetString(), rename.GetProperty("client").GetString(), rename.GetProperty("actorUnit").GetString()));
        var name = rename.GetProperty("changes").GetProperty("Name");
        Assert.Equal(("渭南市", "渭南"), (name.GetProperty("before").GetString(), name.GetProperty("after").GetString()));
        Assert.False(rename.GetProperty("changes").TryGetProperty("Code", out _));
    }

    [Fact]
    public async Task A_rejected_write_leaves_no_record()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();

        var response = await client.PostAsync("/api/organizations/imports/units", new StringContent(
            "code,name,kind,parentCode\n610500000000,渭南市,City,\n610502000000,临渭区,Nowhere,610500000000\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/organizations/audit", Ct);
        Assert.Equal(0, audit.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_persons_write_is_on_record_as_the_person_through_the_web_page()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var system = app.CreateClient();
        var person = Guid.NewGuid();
        var page = app.CreateClientAsPerson(PlatformRoles.CityOperator, TestTokens.CityCode, person);
        var city = await (await system.PostAsJsonAsync("/api/organizations/units",
            new { name = "渭南市", kind = "City", code = "610500000000" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        (await page.PutAsJsonAsync($"/api/organizations/units/{city.GetProperty("id")}/name", new { name = "渭南" }, Ct)).EnsureSuccessStatusCode();

        var throughPage = await system.GetFromJsonAsync<JsonElement>($"/api/organizations/audit?client={TestTokens.WebClient}", Ct);
        var rename = Assert.Single(throughPage.GetProperty("items").EnumerateArray());
        Assert.Equal((person.ToString(), TestTokens.WebClient, "Modified"),
            (rename.GetProperty("actor").GetString(), rename.GetProperty("client").GetString(), rename.GetProperty("action").GetString()));
        var byPerson = await system.GetFromJsonAsync<JsonElement>($"/api/organizations/audit?actor={person}", Ct);
        Assert.Equal(rename.GetProperty("id").GetGuid(), Assert.Single(byPerson.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var bySystem = await system.GetFromJsonAsync<JsonElement>("/api/organizations/audit?client=test-client", Ct);
        Assert.Equal(["Added"], bySystem.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Times_with_an_offset_mean_the_same_instant_as_in_utc()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/organizations/units", new { name = "渭南市", kind = "City", code = "610500000000" }, Ct))
            .EnsureSuccessStatusCode();
        var entry = (await client.GetFromJsonAsync<JsonElement>("/api/organizations/audit", Ct)).GetProperty("items")[0];
        var at = entry.GetProperty("occurredAt").GetDateTimeOffset();
        var beijing = TimeSpan.FromHours(8);

        async Task<int> CountAsync(string bound, DateTimeOffset value)
        {
            var response = await client.GetAsync(
                $"/api/organizations/audit?{bound}={Uri.EscapeDataString(value.ToOffset(beijing).ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz"))}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("totalCount").GetInt32();
        }

        Assert.Equal(
            (1, 0, 1, 0),
            (await CountAsync("from", at.AddSeconds(-1)), await CountAsync("from", at.AddSeconds(1)),
                await CountAsync("to", at.AddSeconds(1)), await CountAsync("to", at.AddSeconds(-1))));
    }

    [Fact]
    public async Task A_merge_puts_every_rewritten_path_on_record_with_the_merge()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        await app.ImportCsvAsync("""
            code,name,kind,parentCode,partyOrganization
            610500000000,渭南市,City,,
            610502000000,临渭区,District,610500000000,
            610503000000,华州区,District,610500000000,
            610502001000,东镇,Township,610502000000,
            610502001201,东一村,Village,610502001000,东一村党支部
            610502001202,东二村,Village,610502001000,
            """);
        await using var db = app.OpenDb();
        var before = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code!, u => u.Path, Ct);
        var merged = await db.Units.SingleAsync(u => u.Code == "610502000000", Ct);
        var successor = await db.Units.SingleAsync(u => u.Code == "610503000000", Ct);

        (await client.PostAsJsonAsync($"/api/organizations/units/{merged.Id}/merge", new { successorId = successor.Id }, Ct))
            .EnsureSuccessStatusCode();

        var villages = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Village).ToListAsync(Ct);
        var branch = await db.PartyOrganizations.AsNoTracking().SingleAsync(Ct);
        foreach (var (type, id, property, was, now) in villages
                     .Select(v => ("AdministrativeUnit", v.Id, "Path", before[v.Code!], v.Path))
                     .Append(("PartyOrganization", branch.Id, "UnitPath", before["610502001201"], branch.UnitPath)))
        {
            Assert.StartsWith(successor.Path, now);
            var audit = await client.GetFromJsonAsync<JsonElement>($"/api/organizations/audit?entityType={type}&entityId={id}", Ct);
            var rewrite = audit.GetProperty("items")[0];
            Assert.Equal(("Modified", "POST /api/organizations/units/{id:guid}/merge", "test-client"),
                (rewrite.GetProperty("action").GetString(), rewrite.GetProperty("operation").GetString(), rewrite.GetProperty("actor").GetString()));
            var path = rewrite.GetProperty("changes").GetProperty(property);
            Assert.Equal((was, now), (path.GetProperty("before").GetString(), path.GetProperty("after").GetString()));
        }
    }
}
