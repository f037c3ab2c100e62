using Microsoft.Extensions.Configuration;
using PartyPlatform.Gateway.Bff;

namespace PartyPlatform.Gateway.Tests;

/// <summary><c>Gateway:Bff</c> is checked at start-up: a value that cannot work stops the gateway with a message naming the key.</summary>
public sealed class BffOptionsTests
{
    [Fact]
    public void Without_configuration_the_web_client_signs_in_with_refresh_tokens_for_an_eight_hour_session()
    {
        var options = BffOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(("partyplatform-web", "/signin-callback", TimeSpan.FromHours(8), TimeSpan.FromMinutes(1)),
            (options.ClientId, options.CallbackPath, options.SessionLifetime, options.RefreshBefore));
        Assert.Equal(["openid", "profile", "roles", "offline_access"], options.Scopes);
        Assert.Null(options.KeysDirectory);
    }

    [Theory]
    [InlineData("Scopes:0", "profile", "Gateway:Bff:Scopes")]
    [InlineData("CallbackPath", "signin-callback", "Gateway:Bff:CallbackPath")]
    [InlineData("CallbackPath", "//evil.example/cb", "Gateway:Bff:CallbackPath")]
    [InlineData("SessionLifetime", "00:00:00", "Gateway:Bff:SessionLifetime")]
    [InlineData("RefreshBefore", "-00:01:00", "Gateway:Bff:RefreshBefore")]
    public void A_value_that_cannot_work_stops_the_gateway_naming_the_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Gateway:Bff:{key}"] = value }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => BffOptions.FromConfiguration(configuration));

        Assert.Contains(named, refused.Message);
    }
}
