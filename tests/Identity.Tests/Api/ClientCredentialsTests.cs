using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PartyPlatform.Identity.Tests.Api.OAuth;

namespace PartyPlatform.Identity.Tests.Api;

public sealed class ClientCredentialsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_county_system_gets_a_signed_jwt_with_its_role_unit_and_audience()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var http = app.CreateClient();

        var response = await ClientCredentialsAsync(http, "linwei-county-system", "dev-secret-linwei");
        var token = await AccessTokenAsync(response);

        var (header, payload) = DecodeJwt(token);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));

        Assert.Equal(["linwei-county-system"], Values(payload, "sub"));
        Assert.Equal(["linwei-county-system"], Values(payload, "client_id"));
        Assert.Equal(["CountyOperator"], Values(payload, "role"));
        Assert.Equal(["610502000000"], Values(payload, "unit_code"));
        Assert.Equal(["临渭区组织部系统（开发）"], Values(payload, "name"));
        Assert.Equal(["partyplatform"], Values(payload, "aud"));
        Assert.Equal("http://localhost/", payload.GetProperty("iss").GetString());

        // Five minutes by default, so that a disabled client stops working within minutes.
        var lifetime = payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64();
        Assert.Equal(300, lifetime);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(payload.GetProperty("exp").GetInt64(), now + 240, now + 310);
    }

    [Fact]
    public async Task A_county_personnel_system_gets_the_personnel_officer_role_of_its_county()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();

        var token = await AccessTokenAsync(await ClientCredentialsAsync(app.CreateClient(), "linwei-personnel-system", "dev-secret-linwei-personnel"));

        var (_, payload) = DecodeJwt(token);
        Assert.Equal(["PersonnelOfficer"], Values(payload, "role"));
        Assert.Equal(["610502000000"], Values(payload, "unit_code"));
    }

    [Fact]
    public async Task The_access_token_lifetime_and_issuer_come_from_configuration()
    {
        await using var app = await IdentityApp.StartAsync(new Dictionary<string, string?>
        {
            ["Identity:SeedDemoAccounts"] = "true",
            ["Identity:AccessTokenLifetime"] = "00:02:00",
            ["Identity:Issuer"] = "https://platform.example/",
        });

        var response = await ClientCredentialsAsync(app.CreateClient(), "city-admin-system", "dev-secret-city-admin");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (_, payload) = DecodeJwt(await AccessTokenAsync(response));

        Assert.Equal(120, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 110, 120);
        Assert.Equal("https://platform.example/", payload.GetProperty("iss").GetString());
        Assert.Equal(["CityAdministrator"], Values(payload, "role"));
        Assert.Equal(["610500000000"], Values(payload, "unit_code"));
    }

    [Fact]
    public async Task A_wrong_secret_or_an_unknown_client_is_refused()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var http = app.CreateClient();

        Assert.Equal("invalid_client", await ErrorAsync(await ClientCredentialsAsync(http, "linwei-county-system", "dev-secret-wrong")));
        Assert.Equal("invalid_client", await ErrorAsync(await ClientCredentialsAsync(http, "nobody", "dev-secret-linwei")));
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_until_enabled_again()
    {
        await using var app = await IdentityApp.StartAsync();
        var http = app.CreateClient();
        var secret = await CreateClientAsync(http, "huazhou-county-system", "610503000000", "CountyOperator");
        await AccessTokenAsync(await ClientCredentialsAsync(http, "huazhou-county-system", secret));

        var disabled = await http.PostAsync("/api/identity/clients/huazhou-county-system/disable", null, Ct);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabled").GetBoolean());

        Assert.Equal("invalid_client", await ErrorAsync(await ClientCredentialsAsync(http, "huazhou-county-system", secret)));

        await http.PostAsync("/api/identity/clients/huazhou-county-system/enable", null, Ct);
        await AccessTokenAsync(await ClientCredentialsAsync(http, "huazhou-county-system", secret));
    }

    [Fact]
    public async Task A_rotated_secret_works_and_the_old_one_does_not()
    {
        await using var app = await IdentityApp.StartAsync();
        var http = app.CreateClient();
        var old = await CreateClientAsync(http, "huazhou-county-system", "610503000000", "CountyOperator");

        var rotated = await http.PostAsync("/api/identity/clients/huazhou-county-system/secret", null, Ct);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("clientSecret").GetString()!;

        Assert.NotEqual(old, secret);
        await AccessTokenAsync(await ClientCredentialsAsync(http, "huazhou-county-system", secret));
        Assert.Equal("invalid_client", await ErrorAsync(await ClientCredentialsAsync(http, "huazhou-county-system", old)));
    }

    [Fact]
    public async Task Secrets_and_passwords_are_stored_hashed_and_never_listed()
    {
        await using var app = await IdentityApp.StartAsync();
        var http = app.CreateClient();
        var secret = await CreateClientAsync(http, "huazhou-county-system", "610503000000", "CountyOperator");
        var user = await http.PostAsJsonAsync("/api/identity/users",
            new { userName = "huazhou-operator", displayName = "华州区操作员", unitCode = "610503000000", roles = new[] { "CountyOperator" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        var password = (await user.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("password").GetString()!;

        var storedSecret = await app.QueryScalarAsync<string>(
            "SELECT client_secret FROM openiddict_applications WHERE client_id = $1", "huazhou-county-system");
        var storedPassword = await app.QueryScalarAsync<string>(
            "SELECT password_hash FROM people WHERE user_name = $1", "huazhou-operator");

        Assert.False(string.IsNullOrEmpty(storedSecret));
        Assert.DoesNotContain(secret, storedSecret);
        Assert.False(string.IsNullOrEmpty(storedPassword));
        Assert.DoesNotContain(password, storedPassword);

        var listed = await http.GetStringAsync("/api/identity/clients", Ct) + await http.GetStringAsync("/api/identity/users", Ct);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain(storedSecret!, listed);
        Assert.DoesNotContain(password, listed);
        Assert.DoesNotContain(storedPassword!, listed);
        Assert.DoesNotContain("\"clientSecret\"", listed);
        Assert.DoesNotContain("\"passwordHash\"", listed);
    }

    /// <summary>Creates a client through the admin API; returns its secret.</summary>
    internal static async Task<string> CreateClientAsync(HttpClient http, string clientId, string unitCode, params string[] roles)
    {
        var response = await http.PostAsJsonAsync("/api/identity/clients",
            new { clientId, displayName = $"{clientId} 系统", unitCode, roles }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(clientId, body.GetProperty("client").GetProperty("clientId").GetString());
        return body.GetProperty("clientSecret").GetString()!;
    }
}
