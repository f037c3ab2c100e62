using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DemoAccountList = PartyPlatform.Identity.DemoAccounts.DemoAccounts;

namespace PartyPlatform.Identity.Tests.Api;

public sealed class AdminApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/identity/clients", """{"clientId":"a-county","displayName":"某县","unitCode":"61050","roles":["CountyOperator"]}""", "unitcode")]
    [InlineData("/api/identity/clients", """{"clientId":"A County!","displayName":"某县","unitCode":"610502000000","roles":["CountyOperator"]}""", "clientid")]
    [InlineData("/api/identity/clients", """{"clientId":"a-county","displayName":"某县","unitCode":"610502000000","roles":[]}""", "roles")]
    [InlineData("/api/identity/clients", """{"clientId":"a-county","displayName":"某县","unitCode":"610500000000","roles":["CountyOperator"]}""", "roles")]
    [InlineData("/api/identity/users", """{"userName":"x","displayName":"某人","unitCode":"610502000000","roles":["CountyOperator"]}""", "username")]
    [InlineData("/api/identity/users", """{"userName":"someone","displayName":"某人","unitCode":"610502001000","roles":["CityViewer"]}""", "roles")]
    [InlineData("/api/identity/users", """{"userName":"someone","unitCode":"610502001000","roles":["TownshipOperator"]}""", "displayname")]
    public async Task Bad_input_gets_a_400_problem_naming_the_field(string path, string json, string field)
    {
        await using var app = await IdentityApp.StartAsync();

        var response = await app.CreateClient().PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains(field, errors.EnumerateObject().Select(e => e.Name.ToLowerInvariant()));
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT count(*) FROM api_clients") + await app.QueryScalarAsync<long>("SELECT count(*) FROM people"));
    }

    [Fact]
    public async Task An_unknown_role_is_refused_naming_it()
    {
        await using var app = await IdentityApp.StartAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/identity/clients",
            new { clientId = "a-county", displayName = "某县", unitCode = "610502000000", roles = new[] { "Superuser" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("roles", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_second_client_or_user_with_the_same_id_is_a_conflict()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var http = app.CreateClient();

        var client = await http.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "linwei-county-system", displayName = "重复", unitCode = "610502000000", roles = new[] { "CountyOperator" } }, Ct);
        var user = await http.PostAsJsonAsync("/api/identity/users",
            new { userName = "city-admin", displayName = "重复", unitCode = "610500000000", roles = new[] { "CityAdministrator" } }, Ct);
        var web = await http.PostAsJsonAsync("/api/identity/clients",
            new { clientId = "partyplatform-web", displayName = "冒充", unitCode = "610500000000", roles = new[] { "CityAdministrator" } }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, client.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, user.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, web.StatusCode);
    }

    [Fact]
    public async Task Clients_and_users_list_paged_and_filter_by_unit()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var http = app.CreateClient();

        var clients = await http.GetFromJsonAsync<JsonElement>("/api/identity/clients?pageSize=4", Ct);
        var linwei = await http.GetFromJsonAsync<JsonElement>("/api/identity/users?unitCode=610502", Ct);

        Assert.Equal(DemoAccountList.Clients.Count, clients.GetProperty("totalCount").GetInt32());
        Assert.Equal(4, clients.GetProperty("items").GetArrayLength());
        Assert.Equal(["linwei-operator", "linwei-township-operator"],
            linwei.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.Equal(["CountyOperator"],
            linwei.GetProperty("items")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_reset_password_signs_in_and_the_old_one_does_not()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var browser = app.CreateBrowser();

        var reset = await browser.PostAsync("/api/identity/users/city-viewer/password", null, Ct);
        var password = (await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("password").GetString()!;

        var withNew = await OAuth.SignInAsync(browser, OAuth.NewPkce().Challenge, "city-viewer", password);
        var withOld = await OAuth.SignInAsync(browser, OAuth.NewPkce().Challenge, "city-viewer", "Dev!Passw0rd");
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
    }

    [Fact]
    public async Task Unknown_accounts_are_404()
    {
        await using var app = await IdentityApp.StartAsync();
        var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/identity/clients/nobody/disable", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/identity/users/nobody/password", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/identity/clients/nobody", Ct)).StatusCode);
    }
}
