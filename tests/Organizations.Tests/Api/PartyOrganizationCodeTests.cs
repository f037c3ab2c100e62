using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartyPlatform.Auditing;
using PartyPlatform.Contracts.Organizations;
using PartyPlatform.Security;
using PartyPlatform.TestInfrastructure;

namespace PartyPlatform.Organizations.Tests.Api;

/// <summary>Every Party organisation has a stable code a county's file can cite.</summary>
public sealed class PartyOrganizationCodeTests
{
    private const string Csv = """
        code,name,kind,parentCode,partyOrganization
        610500000000,渭南市,City,,
        610502000000,临渭区,District,610500000000,
        610502001000,东镇,Township,610502000000,
        610502001201,东一村,Village,610502001000,东一村党支部
        610502001202,东二村,Village,610502001000,东二村党支部
        610503000000,华州区,District,610500000000,
        610503001000,南镇,Township,610503000000,
        610503001201,南一村,Village,610503001000,南一村党支部
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_villages_organisation_has_the_villages_code_and_the_others_are_numbered_per_unit_and_kind()
    {
        await using var app = await SeededAsync();
        var client = app.CreateClient();
        var township = await IdOfAsync(client, "610502001000");
        var village = await IdOfAsync(client, "610502001201");

        var first = await CreateAsync(client, "东镇果业公司党支部", "Enterprise", township);
        var second = await CreateAsync(client, "东镇物流公司党支部", "Enterprise", township);
        var social = await CreateAsync(client, "东镇商会党支部", "SocialOrganization", township);
        var onVillage = await CreateAsync(client, "东一村合作社党支部", "Enterprise", village);

        Assert.Equal(
            ["610502001000E001", "610502001000E002", "610502001000S001", "610502001201E001"],
            [Code(first), Code(second), Code(social), Code(onVillage)]);
        var own = await client.GetFromJsonAsync<JsonElement>($"/api/organizations/party-organizations?unitId={village}&kind=Village", Ct);
        Assert.Equal("610502001201", own.GetProperty("items")[0].GetProperty("code").GetString());

        await using var db = app.OpenDb();
        var stored = await db.PartyOrganizations.SingleAsync(o => o.Name == "东镇物流公司党支部", Ct);
        Assert.Equal("610502001000E002", stored.Code);
        var published = (await app.PublishedAsync<PartyOrganizationChanged>()).Single(e => e.OrganizationId == stored.Id);
        Assert.Equal(("610502001000E002", UnitChange.Created), (published.Code, published.Change));
        var audit = await db.Set<AuditEntry>().SingleAsync(e => e.EntityType == "PartyOrganization" && e.EntityId == stored.Id.ToString(), Ct);
        Assert.Contains("610502001000E002", audit.Changes);
    }

    [Fact]
    public async Task Creations_on_one_unit_at_once_get_distinct_codes()
    {
        await using var app = await SeededAsync();
        var client = app.CreateClient();
        var township = await IdOfAsync(client, "610502001000");

        var created = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => CreateAsync(client, $"企业{n}党支部", "Enterprise", township)));

        Assert.Equal(
            Enumerable.Range(1, 8).Select(n => $"610502001000E{n:D3}"),
            created.Select(Code).Order());
    }

    [Fact]
    public async Task A_merge_keeps_every_code_and_the_retired_villages_organisation_names_its_successor()
    {
        await using var app = await SeededAsync();
        var client = app.CreateClient();
        var (east1, east2) = (await IdOfAsync(client, "610502001201"), await IdOfAsync(client, "610502001202"));
        var enterprise = await CreateAsync(client, "东一村合作社党支部", "Enterprise", east1);
        var (own1, own2) = (await OwnOrganizationAsync(client, east1), await OwnOrganizationAsync(client, east2));

        (await client.PostAsJsonAsync($"/api/organizations/units/{east1}/merge", new { successorId = east2 }, Ct)).EnsureSuccessStatusCode();

        var moved = await client.GetFromJsonAsync<JsonElement>($"/api/organizations/party-organizations/{Id(enterprise)}", Ct);
        var retired = await client.GetFromJsonAsync<JsonElement>("/api/organizations/party-organization-codes/610502001201", Ct);
        Assert.Equal(("610502001201E001", east2), (Code(moved), moved.GetProperty("unitId").GetGuid()));
        Assert.Equal((own1, true, own2), (Id(retired), retired.GetProperty("retired").GetBoolean(), retired.GetProperty("successorId").GetGuid()));

        var events = await app.PublishedAsync<PartyOrganizationChanged>();
        var retiredEvent = events.Single(e => e.OrganizationId == own1 && e.Change == UnitChange.Retired);
        var movedEvent = events.Single(e => e.OrganizationId == Id(enterprise) && e.Change == UnitChange.Moved);
        Assert.Equal(("610502001201", own2, true), (retiredEvent.Code, retiredEvent.SuccessorId, retiredEvent.Retired));
        Assert.Equal(("610502001201E001", (Guid?)null, east2), (movedEvent.Code, movedEvent.SuccessorId, movedEvent.UnitId));
    }

    [Fact]
    public async Task A_code_is_found_in_the_callers_county_and_not_found_outside_it()
    {
        await using var app = await SeededAsync();
        var county = app.CreateClientAs(PlatformRoles.CountyOperator, "610502000000");

        var own = await county.GetAsync("/api/organizations/party-organization-codes/610502001201", Ct);
        var listed = await county.GetFromJsonAsync<JsonElement>("/api/organizations/party-organizations?code=610502001202", Ct);
        var other = await county.GetAsync("/api/organizations/party-organization-codes/610503001201", Ct);
        var otherListed = await county.GetFromJsonAsync<JsonElement>("/api/organizations/party-organizations?code=610503001201", Ct);
        var missing = await county.GetAsync("/api/organizations/party-organization-codes/610502001299", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("610502001201", Code(await own.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        Assert.Equal(["610502001202"], listed.GetProperty("items").EnumerateArray().Select(Code));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(0, otherListed.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_second_own_organisation_for_a_village_is_a_conflict_and_changes_nothing()
    {
        await using var app = await SeededAsync();
        var client = app.CreateClient();
        var village = await IdOfAsync(client, "610502001201");
        await using var db = app.OpenDb();
        var before = await db.PartyOrganizations.CountAsync(Ct);

        var response = await client.PostAsJsonAsync("/api/organizations/party-organizations", new { name = "东一村第二党支部", kind = "Village", unitId = village }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await db.PartyOrganizations.CountAsync(Ct));
    }

    private static async Task<OrganizationsApp> SeededAsync()
    {
        var app = await OrganizationsApp.StartAsync();
        await app.ImportCsvAsync(Csv);
        return app;
    }

    private static async Task<Guid> IdOfAsync(HttpClient client, string unitCode) =>
        Id(await client.GetFromJsonAsync<JsonElement>($"/api/organizations/unit-codes/{unitCode}", Ct));

    private static async Task<Guid> OwnOrganizationAsync(HttpClient client, Guid unitId) =>
        Id((await client.GetFromJsonAsync<JsonElement>($"/api/organizations/party-organizations?unitId={unitId}&kind=Village", Ct)).GetProperty("items")[0]);

    private static async Task<JsonElement> CreateAsync(HttpClient client, string name, string kind, Guid unitId)
    {
        var response = await client.PostAsJsonAsync("/api/organizations/party-organizations", new { name, kind, unitId }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Guid Id(JsonElement organization) => organization.GetProperty("id").GetGuid();

    private static string Code(JsonElement organization) => organization.GetProperty("code").GetString()!;
}
