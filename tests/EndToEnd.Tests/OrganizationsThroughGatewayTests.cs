using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.EndToEnd.Tests;

public sealed class OrganizationsThroughGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private HttpClient Gateway => platform.CityAdmin;

    [Fact]
    public async Task An_imported_tree_can_be_queried_back()
    {
        var tree = new TestTree();

        var import = await Gateway.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(villages: 3), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(6, result.GetProperty("created").GetInt32());
        Assert.Equal(3, result.GetProperty("partyOrganizationsCreated").GetInt32());

        var township = await GetJsonAsync($"/api/organizations/unit-codes/{tree.Township}");
        var villages = await GetJsonAsync($"/api/organizations/units?parentId={township.GetProperty("id")}");
        Assert.Equal(3, villages.GetProperty("totalCount").GetInt32());
        Assert.Equal<string>(
            ["测试1村", "测试2村", "测试3村"],
            villages.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).Order().ToArray());
        Assert.All(villages.GetProperty("items").EnumerateArray(), v => Assert.Equal("Village", v.GetProperty("level").GetString()));

        var city = await GetJsonAsync($"/api/organizations/unit-codes/{tree.City}");
        var subtree = await GetJsonAsync($"/api/organizations/units?ancestorId={city.GetProperty("id")}&pageSize=2");
        Assert.Equal(5, subtree.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, subtree.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_tree_events_reach_the_dashboard_in_another_process()
    {
        var tree = new TestTree();
        (await Gateway.PostAsJsonAsync("/api/organizations/imports/units", tree.Rows(villages: 1), TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        var village = await GetJsonAsync($"/api/organizations/unit-codes/{tree.Village(1)}");
        var id = village.GetProperty("id").GetGuid();

        var copy = await Eventually.ValueAsync(() => TryGetJsonAsync($"/api/dashboard/tree/units/{id}"), EventTimeout);
        Assert.Equal(("测试1村", 1), (copy.GetProperty("name").GetString(), copy.GetProperty("version").GetInt32()));

        (await Gateway.PutAsJsonAsync($"/api/organizations/units/{id}/name", new { name = "改名村" }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();

        var renamed = await Eventually.ValueAsync(async () =>
            await TryGetJsonAsync($"/api/dashboard/tree/units/{id}") is { } unit && unit.GetProperty("version").GetInt32() == 2 ? unit : (JsonElement?)null,
            EventTimeout);
        Assert.Equal("改名村", renamed.GetProperty("name").GetString());

        // Both services keep the change on record: the rename by the city administrator's system, the copy by the consumer.
        var source = await GetJsonAsync($"/api/organizations/audit?entityType=AdministrativeUnit&entityId={id}");
        Assert.Equal("city-admin-system", source.GetProperty("items")[0].GetProperty("actor").GetString());
        var replicaAudit = await GetJsonAsync($"/api/dashboard/audit?entityType=UnitReplica&entityId={id}");
        Assert.Equal(["Modified", "Added"], replicaAudit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(replicaAudit.GetProperty("items").EnumerateArray(), e => Assert.Equal("system", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task A_bad_row_rejects_the_import_with_a_problem_naming_it_and_writes_nothing()
    {
        var tree = new TestTree();
        var rows = tree.Rows(villages: 2);
        rows[3] = new { code = tree.Village(1), name = "坏村", kind = "Hamlet", parentCode = tree.Township };

        var response = await Gateway.PostAsJsonAsync("/api/organizations/imports/units", rows, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("Hamlet", problem.GetProperty("errors").GetProperty("rows[4].kind")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Gateway.GetAsync($"/api/organizations/unit-codes/{tree.City}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Gateway.GetAsync($"/api/organizations/unit-codes/{tree.Village(2)}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_unit_without_a_name_gets_a_problem_naming_the_field()
    {
        var tree = new TestTree();

        var response = await Gateway.PostAsJsonAsync(
            "/api/organizations/units", new { kind = "City", code = tree.City }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _) || problem.GetProperty("errors").TryGetProperty("name", out _),
            problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Gateway.GetAsync($"/api/organizations/unit-codes/{tree.City}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_a_correlation_id_and_unknown_routes_are_problems()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/organizations/no-such-thing");
        request.Headers.Add("X-Correlation-Id", "county-system-42");

        var response = await Gateway.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("county-system-42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Gateway.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement?> TryGetJsonAsync(string path)
    {
        var response = await Gateway.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
