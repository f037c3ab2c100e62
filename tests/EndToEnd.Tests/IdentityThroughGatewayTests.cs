using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace PartyPlatform.EndToEnd.Tests;

public sealed class IdentityThroughGatewayTests(PlatformFixture platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_county_system_gets_a_token_through_the_gateway_issued_in_the_gateways_name()
    {
        var response = await platform.RequestTokenAsync("linwei-county-system", "dev-secret-linwei", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString()!;
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
        Assert.Equal(new Uri(platform.Gateway.BaseAddress!, "/").ToString(), payload.GetProperty("iss").GetString());
        Assert.Equal("610502000000", payload.GetProperty("unit_code").GetString());
        Assert.Equal("CountyOperator", payload.GetProperty("role").GetString());

        var discovery = await platform.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);
        Assert.Equal(payload.GetProperty("iss").GetString(), discovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        var response = await platform.RequestTokenAsync("linwei-county-system", "guessed", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
    }
}
