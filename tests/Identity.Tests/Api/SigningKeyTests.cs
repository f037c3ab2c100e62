using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static PartyPlatform.Identity.Tests.Api.OAuth;

namespace PartyPlatform.Identity.Tests.Api;

public sealed class SigningKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_signed_before_a_restart_validates_against_the_jwks_after_it()
    {
        var first = await IdentityApp.StartWithDemoAccountsAsync();
        string token;
        await using (first)
        {
            token = await AccessTokenAsync(await ClientCredentialsAsync(first.CreateClient(), "linwei-county-system", "dev-secret-linwei"));
        }

        // A new process on the same database.
        await using var second = first.Restart();
        var http = second.CreateClient();
        var keys = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks", Ct)).GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/",
            ValidAudience = "partyplatform",
            IssuerSigningKeys = keys,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("CountyOperator", result.Claims["role"]);
        Assert.Equal("610502000000", result.Claims["unit_code"]);

        // It signs with that same key, and made no new one.
        var again = await AccessTokenAsync(await ClientCredentialsAsync(http, "linwei-county-system", "dev-secret-linwei"));
        Assert.Equal(DecodeJwt(token).Header.GetProperty("kid").GetString(), DecodeJwt(again).Header.GetProperty("kid").GetString());
        Assert.Equal(2L, await second.QueryScalarAsync<long>("SELECT count(*) FROM server_keys"));
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_does_not_validate()
    {
        await using var app = await IdentityApp.StartWithDemoAccountsAsync();
        var http = app.CreateClient();
        var token = await AccessTokenAsync(await ClientCredentialsAsync(http, "linwei-county-system", "dev-secret-linwei"));
        var keys = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks", Ct)).GetSigningKeys();

        // The payload edited to claim the city: the signature no longer matches.
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(DecodeJwt(token).Payload.GetRawText())!;
        payload["unit_code"] = JsonSerializer.SerializeToElement("610500000000");
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(forged, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/",
            ValidAudience = "partyplatform",
            IssuerSigningKeys = keys,
        });

        Assert.False(result.IsValid);
    }
}
