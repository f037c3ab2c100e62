using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Messaging.Outbox;

namespace PartyPlatform.Organizations.Tests.Api;

public sealed class TreeApiTests
{
    private const string Csv = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610502001000,东镇,Township,610502000000,
        610502002000,西镇,Township,610502000000,
        610502001201,东一村,Village,610502001000,东一村党支部
        610502001202,东二村,Village,610502001000,
        610502002201,西一村,Village,610502002000,
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_csv_tree_imports_once_and_a_repeat_changes_nothing()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var first = await app.ImportCsvAsync(Csv);
        var again = await app.ImportCsvAsync(Csv);
        var renamed = await app.ImportCsvAsync(Csv.Replace("东二村", "东二新村"));

        Assert.Equal((7, 0, 0, 1), (first.GetProperty("created").GetInt32(), first.GetProperty("unchanged").GetInt32(),
            first.GetProperty("renamed").GetInt32(), first.GetProperty("partyOrganizationsCreated").GetInt32()));
        Assert.Equal((0, 7), (again.GetProperty("created").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal((0, 1), (renamed.GetProperty("created").GetInt32(), renamed.GetProperty("renamed").GetInt32()));

        await using var db = app.OpenDb();
        Assert.Equal(7, await db.Units.CountAsync(Ct));
        Assert.Equal("东二新村", (await db.Units.SingleAsync(u => u.Code == "610502001202", Ct)).Name);
        // 7 created, 1 organisation, 1 rename: one event each.
        Assert.Equal(9, await db.Set<OutboxMessage>().CountAsync(Ct));
    }

    [Fact]
    public async Task The_same_new_tree_imported_several_times_at_once_is_created_once_and_every_import_succeeds()
    {
        await using var app = await OrganizationsApp.StartAsync();

        // Each import finds the codes missing and creates them; all but one lose the race on the unique code.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ImportCsvAsync(Csv)));

        Assert.Equal((7, 1), (results.Sum(r => r.GetProperty("created").GetInt32()), results.Sum(r => r.GetProperty("partyOrganizationsCreated").GetInt32())));
        Assert.All(results, r => Assert.Equal(7, r.GetProperty("created").GetInt32() + r.GetProperty("unchanged").GetInt32()));
        await using var db = app.OpenDb();
        Assert.Equal(7, await db.Units.CountAsync(Ct));
        Assert.Equal(1, await db.PartyOrganizations.CountAsync(Ct));
        Assert.Equal(8, await db.Set<OutboxMessage>().CountAsync(Ct));
    }

    [Fact]
    public async Task A_csv_without_a_required_column_is_rejected_naming_it()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/organizations/imports/units",
            new StringContent("code,name,parentCode\n610500000000,渭南市,\n", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("kind", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Units.CountAsync(Ct));
    }

    [Fact]
    public async Task An_import_longer_than_the_configured_cap_is_refused_saying_the_cap_and_nothing_is_written()
    {
        await using var app = await OrganizationsApp.StartAsync();
        await using var capped = app.WithWebHostBuilder(host => host.UseSetting("Organizations:Imports:MaxRows", "6"));
        var client = capped.CreateClient();
        var json = JsonSerializer.Serialize(Enumerable.Range(1, 7).Select(n => new { code = $"61050000000{n}", name = $"市{n}", kind = "City" }));

        var csv = await client.PostAsync("/api/organizations/imports/units", new StringContent(Csv, Encoding.UTF8, "text/csv"), Ct);
        var array = await client.PostAsync("/api/organizations/imports/units", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        foreach (var response in new[] { csv, array })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("at most 6 rows", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        }

        await using var db = app.OpenDb();
        Assert.Equal((0, 0), (await db.Units.CountAsync(Ct), await db.Set<OutboxMessage>().CountAsync(Ct)));
        var shorter = string.Join('\n', Csv.Split('\n').Where(line => !line.Contains("西一村")));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/organizations/imports/units", new StringContent(shorter, Encoding.UTF8, "text/csv"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Merging_a_township_retires_it_moves_its_villages_and_keeps_history()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        await app.ImportCsvAsync(Csv);
        var east = await GetAsync(client, "/api/organizations/unit-codes/610502001000");
        var west = await GetAsync(client, "/api/organizations/unit-codes/610502002000");

        var merge = await client.PostAsJsonAsync($"/api/organizations/units/{east.GetProperty("id")}/merge",
            new { successorId = west.GetProperty("id") }, Ct);

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var retired = await merge.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(retired.GetProperty("retired").GetBoolean());
        Assert.Equal(west.GetProperty("id").GetGuid(), retired.GetProperty("successorId").GetGuid());

        var westVillages = await GetAsync(client, $"/api/organizations/units?parentId={west.GetProperty("id")}");
        Assert.Equal(3, westVillages.GetProperty("totalCount").GetInt32());
        var history = await GetAsync(client, $"/api/organizations/units/{east.GetProperty("id")}/history");
        Assert.Equal(["Created", "Retired"], history.EnumerateArray().Select(h => h.GetProperty("change").GetString()));

        await using var db = app.OpenDb();
        var village = await db.Units.SingleAsync(u => u.Code == "610502001201", Ct);
        Assert.StartsWith((await db.Units.SingleAsync(u => u.Code == "610502002000", Ct)).Path, village.Path);
        var organization = await db.PartyOrganizations.SingleAsync(Ct);
        Assert.Equal(village.Path, organization.UnitPath);
        var defaultList = await GetAsync(client, "/api/organizations/units?level=Township");
        Assert.Equal(1, defaultList.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_merged_villages_own_branch_is_retired_and_other_organisations_move_to_the_successor()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        await app.ImportCsvAsync(Csv);
        var merged = (await GetAsync(client, "/api/organizations/unit-codes/610502001201")).GetProperty("id").GetGuid();
        var successor = (await GetAsync(client, "/api/organizations/unit-codes/610502001202")).GetProperty("id").GetGuid();
        var enterprise = await (await client.PostAsJsonAsync("/api/organizations/party-organizations",
            new { name = "某公司党支部", kind = "Enterprise", unitId = merged }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        (await client.PostAsJsonAsync($"/api/organizations/units/{merged}/merge", new { successorId = successor }, Ct)).EnsureSuccessStatusCode();

        await using var db = app.OpenDb();
        var branch = await db.PartyOrganizations.SingleAsync(o => o.Name == "东一村党支部", Ct);
        Assert.True(branch.Retired);
        Assert.Equal(merged, branch.UnitId);
        var moved = await db.PartyOrganizations.SingleAsync(o => o.Id == enterprise.GetProperty("id").GetGuid(), Ct);
        Assert.Equal((false, successor), (moved.Retired, moved.UnitId));
        Assert.Equal((await db.Units.SingleAsync(u => u.Id == successor, Ct)).Path, moved.UnitPath);
    }

    [Fact]
    public async Task A_merge_across_levels_is_refused_and_changes_nothing()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        await app.ImportCsvAsync(Csv);
        var village = await GetAsync(client, "/api/organizations/unit-codes/610502001201");
        var township = await GetAsync(client, "/api/organizations/unit-codes/610502002000");
        await using var db = app.OpenDb();
        var eventsBefore = await db.Set<OutboxMessage>().CountAsync(Ct);

        var merge = await client.PostAsJsonAsync($"/api/organizations/units/{village.GetProperty("id")}/merge",
            new { successorId = township.GetProperty("id") }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, merge.StatusCode);
        var problem = await merge.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("successorId", out _));
        var after = await GetAsync(client, $"/api/organizations/units/{village.GetProperty("id")}");
        Assert.Equal((false, 1), (after.GetProperty("retired").GetBoolean(), after.GetProperty("version").GetInt32()));
        Assert.Equal(eventsBefore, await db.Set<OutboxMessage>().CountAsync(Ct));
    }

    [Fact]
    public async Task A_second_unit_with_the_same_code_is_a_conflict()
    {
        await using var app = await OrganizationsApp.StartAsync();
        var client = app.CreateClient();
        var unit = new { name = "渭南市", kind = "City", code = "610500000000" };

        var first = await client.PostAsJsonAsync("/api/organizations/units", unit, Ct);
        var second = await client.PostAsJsonAsync("/api/organizations/units", unit, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Units.CountAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_problem_naming_the_field()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsync("/api/organizations/units",
            new StringContent("""{"name":"某地","kind":"Hamlet"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_empty_name_is_refused_before_anything_else_is_looked_at()
    {
        await using var app = await OrganizationsApp.StartAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/organizations/units",
            new { name = "", kind = "Village", parentId = Guid.NewGuid() }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["name"], errors.EnumerateObject().Select(e => e.Name.ToLowerInvariant()));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
