using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

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
        Assert.Equal(("test-client", "610500000000"), (rename.GetProperty("actor").GetString(), rename.GetProperty("actorUnit").GetString()));
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
}
